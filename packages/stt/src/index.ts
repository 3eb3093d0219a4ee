export type {
  RecognizedSpeech,
  SpeechToTextEngine,
  SttEngineContext,
  SttEngineFactory,
  TranscriptListener,
} from './engines/SpeechToTextEngine.js';
export { TranscriptListeners } from './engines/TranscriptListeners.js';
export { TypedTextEngine } from './engines/TypedTextEngine.js';
export {
  AzureSpeechEngine,
  type AzureSpeechEngineOptions,
} from './engines/azure/AzureSpeechEngine.js';
export type {
  AzureAudioStream,
  AzureRecognizer,
  AzureSession,
  AzureSessionFactory,
  AzureSessionSettings,
} from './engines/azure/AzureSession.js';
export { createAzureSession } from './engines/azure/createAzureSession.js';
export {
  AZURE_KEY_VARIABLE,
  AZURE_REGION_VARIABLE,
  readAzureCredentials,
  type AzureCredentials,
} from './engines/azure/azureCredentials.js';
export { bestConfidence } from './engines/azure/azureResults.js';
export type {
  LocalRecognizer,
  LocalRecognizerResult,
  LocalRecognizerSettings,
} from './engines/local/LocalRecognizer.js';
export {
  LocalSpeechEngine,
  type LocalSpeechEngineOptions,
} from './engines/local/LocalSpeechEngine.js';
export {
  LineProtocolRecognizer,
  type LineProtocolRecognizerOptions,
} from './engines/local/LineProtocolRecognizer.js';
export {
  LINE_FORMATS,
  parseRecognizerLine,
  type LineFormat,
} from './engines/local/parseRecognizerLine.js';
export { LiveSpeechPublisher } from './ros4hri/LiveSpeechPublisher.js';
export { hriLocale } from './ros4hri/hriLocale.js';
export { Backoff, type BackoffOptions } from './support/Backoff.js';
export type { TimerHandle, Timers } from '@hearth/graph';
export { SttNode, SttParameters, defaultSttEngines, type SttNodeOptions } from './SttNode.js';
export { UnknownSttEngineError } from './errors.js';
export { AzureAuthenticationError } from './errors/AzureAuthenticationError.js';
export { AzureCredentialsError } from './errors/AzureCredentialsError.js';
export { LocalRecognizerNotConfiguredError } from './errors/LocalRecognizerNotConfiguredError.js';
export { RecognizerProcessError } from './errors/RecognizerProcessError.js';
