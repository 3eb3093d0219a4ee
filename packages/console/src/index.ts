export { startConsole, type ConsoleHandle, type ConsoleOptions } from './startConsole.js';
export { ConsoleBridge, type ConsoleBridgeOptions, type ConsoleListener } from './ConsoleBridge.js';
export { ClientHub } from './ClientHub.js';
export type { ConsoleSocket } from './ConsoleSocket.js';
export { ConsoleParameters, consoleParameterDefaults } from './parameters.js';
export { AUDIO_ROUTE_PREFIX, audioUrlFor, isSafeAudioName } from './audioFiles.js';
export {
  parseClientMessage,
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
