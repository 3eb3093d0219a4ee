export type {
  DetectionListener,
  WakeDetection,
  WakeEngineContext,
  WakeEngineFactory,
  WakeWordEngine,
} from './engines/WakeWordEngine.js';
export { ConsoleWakeEngine } from './engines/ConsoleWakeEngine.js';
export {
  DEFAULT_REFRACTORY_MS,
  DEFAULT_TEMPLATE_THRESHOLD,
  TemplateWakeEngine,
  TemplateWakeParameters,
  type TemplateWakeEngineOptions,
} from './engines/TemplateWakeEngine.js';
export {
  keywordPhrase,
  PorcupineParameters,
  PorcupineWakeEngine,
  redactAccessKey,
  type PorcupineHandle,
  type PorcupineModule,
  type PorcupineWakeEngineOptions,
} from './engines/PorcupineWakeEngine.js';
export {
  ACCESS_KEY_ENV,
  defaultAccessKeyFile,
  readPicovoiceAccessKey,
  type AccessKeySources,
} from './engines/picovoiceAccessKey.js';
export { StreamClock, timeToMs } from './engines/StreamClock.js';
export {
  SelfHearingGate,
  type SelfHearingGateOptions,
  type SpeechMark,
} from './gate/SelfHearingGate.js';
export {
  WakeWordNode,
  WakeWordParameters,
  defaultWakeEngines,
  type WakeWordNodeOptions,
} from './WakeWordNode.js';
export {
  EnrollmentError,
  InvalidWakeTemplateError,
  PicovoiceAccessKeyMissingError,
  PorcupineUnavailableError,
  SecretInRepositoryError,
  UnknownWakeEngineError,
} from './errors.js';
export { dct2 } from './features/dct.js';
export { powerSpectrum } from './features/fft.js';
export { hzToMel, melFilterbank, melToHz } from './features/melFilterbank.js';
export { cepstralMeanNormalize, MfccExtractor, type MfccFrame } from './features/MfccExtractor.js';
export { defaultMfccOptions, type MfccOptions } from './features/MfccOptions.js';
export {
  dtwDistance,
  dtwDistanceFlat,
  flatten,
  normalizeRows,
  unitFrames,
} from './template/dtw.js';
export {
  enrollWakeTemplates,
  MAX_ENROLLMENT_RECORDINGS,
  MIN_ENROLLMENT_RECORDINGS,
  trimToSpeech,
  type EnrollmentRecording,
} from './template/enroll.js';
export {
  DEFAULT_NEGATIVE_MARGIN,
  TemplateMatcher,
  type TemplateMatch,
  type TemplateMatcherOptions,
} from './template/TemplateMatcher.js';
export {
  checkWakeTemplateFile,
  readWakeTemplateFile,
  writeWakeTemplateFile,
  WAKE_TEMPLATE_FORMAT,
  WAKE_TEMPLATE_VERSION,
  type WakeTemplate,
  type WakeTemplateFile,
} from './template/WakeTemplateFile.js';
