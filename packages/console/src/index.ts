export { startConsole, type ConsoleHandle, type ConsoleOptions } from './startConsole.js';
export { ConsoleBridge, type ConsoleBridgeOptions, type ConsoleListener } from './ConsoleBridge.js';
export { ClientHub } from './ClientHub.js';
export type { ConsoleSocket } from './ConsoleSocket.js';
export { ConsoleParameters, consoleParameterDefaults } from './parameters.js';
export { AUDIO_ROUTE_PREFIX, audioUrlFor, isSafeAudioName } from './audioFiles.js';
export {
  machineGraph,
  type MachineGraph,
  type MachineNodeLike,
  type MachineStateView,
  type MachineTransitionLike,
  type MachineTransitionView,
  type TransitionTrigger,
} from './machine/machineGraph.js';
export {
  FIGURE_JOINTS,
  FIGURE_NEUTRAL,
  figureMapping,
  type FigureJoint,
  type FigureMapping,
  type JointMapping,
} from './body/figureMapping.js';
export {
  bodyView,
  commandMotion,
  trajectoryMotion,
  type TrajectoryLabel,
} from './body/bodyViews.js';
export { BodyChannel, PREVIEW_REASON, type BodyChannelOptions } from './body/BodyChannel.js';
export {
  VadFallbackWatch,
  vadFallbackNotice,
  type VadFallbackWatchOptions,
} from './audio/VadFallbackWatch.js';
export type { ParameterPort } from './tuning/ParameterPort.js';
export { ParameterMirror } from './tuning/ParameterMirror.js';
export { gestureTuningView } from './tuning/gestureTuning.js';
export { TuningChannel } from './tuning/TuningChannel.js';
export {
  parseClientMessage,
  type BodyView,
  type FaceView,
  type GestureInfo,
  type MotionView,
  type ParameterKindView,
  type ParameterView,
  type StageTimes,
  type TransitionView,
  type TuningView,
  type ClientMessage,
  type ConsoleSnapshot,
  type ErrorCode,
  type GestureView,
  type ParseResult,
  type ServerMessage,
  type SpeechView,
  type StateView,
  type TurnView,
} from './protocol.js';
export { ConsolePortInUseError } from './errors/ConsolePortInUseError.js';
export { ConsoleListenError } from './errors/ConsoleListenError.js';
