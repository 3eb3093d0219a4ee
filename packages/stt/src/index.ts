export type {
  RecognizedSpeech,
  SpeechToTextEngine,
  SttEngineContext,
  SttEngineFactory,
  TranscriptListener,
} from './engines/SpeechToTextEngine.js';
export { TranscriptListeners } from './engines/TranscriptListeners.js';
export { TypedTextEngine } from './engines/TypedTextEngine.js';
export { SttNode, SttParameters, defaultSttEngines, type SttNodeOptions } from './SttNode.js';
export { UnknownSttEngineError } from './errors.js';
