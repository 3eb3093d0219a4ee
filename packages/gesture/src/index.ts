export {
  chooseGesture,
  type GestureChoice,
  type GestureInput,
  type GestureRule,
} from './choose/chooseGesture.js';
export { inferStrategy } from './choose/inferStrategy.js';
export { strokeWord, type StrokeWord } from './choose/strokeWord.js';
export { tokenize } from './choose/tokenize.js';
export { GestureLimitError } from './errors/GestureLimitError.js';
export { GestureProfileError, type GestureProfileIssue } from './errors/GestureProfileError.js';
export { UnknownGestureError } from './errors/UnknownGestureError.js';
export {
  activeListening,
  initialListeningState,
  type ListeningEvent,
  type ListeningParams,
  type ListeningState,
} from './listen/activeListening.js';
export { PersonVoice, type VoiceCue } from './listen/PersonVoice.js';
export { visemeMouth } from './lipsync/visemeMouth.js';
export { approachFrom } from './motion/approachFrom.js';
export { PoseTracker } from './motion/PoseTracker.js';
export { REST_MOTION, restTrajectory } from './motion/restTrajectory.js';
export { GESTURE_PARAMETERS, type GestureSettings } from './node/gestureParameters.js';
export {
  DEFAULT_TRAJECTORY_TOPIC,
  PREVIEW_REQUEST_TOPIC,
  GestureNode,
  type GestureNodeOptions,
} from './node/GestureNode.js';
export {
  applyMappingOverrides,
  MappingOverrideError,
  type MappingOverrides,
} from './node/mappingOverrides.js';
export {
  AFFECT_EMOTIONS,
  DIALOGUE_STATES,
  SUPPORT_STRATEGIES,
  type AffectEmotion,
  type DialogueStateName,
  type Gesture,
  type GestureMapping,
  type GestureProfile,
  type JointLimits,
  type Keyframe,
  type SentenceCue,
  type SupportStrategy,
} from './profile/GestureProfile.js';
export { checkTrajectoryLimits } from './profile/checkTrajectoryLimits.js';
export {
  gestureTrajectory,
  type JointTrajectory,
  type TrajectoryPoint,
} from './profile/gestureTrajectory.js';
export {
  DEFAULT_GESTURES_FILE,
  loadGestureProfile,
  loadGestureProfileSync,
} from './profile/loadGestureProfile.js';
export { parseGestureProfile } from './profile/parseGestureProfile.js';
export {
  rosJointTrajectory,
  type RosDuration,
  type RosJointTrajectory,
  type RosJointTrajectoryPoint,
} from './profile/rosJointTrajectory.js';
export {
  GestureScheduler,
  type DropReason,
  type GestureRequest,
  type RequestOutcome,
  type SchedulerEvent,
} from './schedule/GestureScheduler.js';
export { MicGateController } from './schedule/MicGateController.js';
export { systemTimers, type TimerHandle, type Timers } from '@hearth/graph';
export { WordAligner, type AlignedBy } from './timing/WordAligner.js';
