export type {
  DetectionListener,
  WakeDetection,
  WakeEngineContext,
  WakeEngineFactory,
  WakeWordEngine,
} from './engines/WakeWordEngine.js';
export { ConsoleWakeEngine } from './engines/ConsoleWakeEngine.js';
export {
  WakeWordNode,
  WakeWordParameters,
  defaultWakeEngines,
  type WakeWordNodeOptions,
} from './WakeWordNode.js';
export { UnknownWakeEngineError } from './errors.js';
