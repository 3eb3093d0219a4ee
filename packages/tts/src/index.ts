// WAV encoding and PCM helpers live in @hearth/audio; this package speaks.
export type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './audio/AudioSink.js';
export { AudioStream } from './audio/AudioStream.js';
export { MarkFeed, type MarkListener } from './audio/MarkFeed.js';
export { SimulatedAudioSink, type SimulatedAudioSinkOptions } from './audio/SimulatedAudioSink.js';
export { AplayAudioSink, type AplayAudioSinkOptions } from './audio/AplayAudioSink.js';
export { AudioOutputs, type AudioOutputsOptions } from './audio/AudioOutputs.js';
export { FileAudioSink, type FileAudioSinkOptions } from './audio/FileAudioSink.js';
export { NoDeviceAudioSink } from './audio/NoDeviceAudioSink.js';
export { appendWavFile } from './audio/appendWavFile.js';
export { voicedSegments, type Segment, type VoicedSegmentOptions } from './audio/voicedSegments.js';
export {
  EspeakEngine,
  type EspeakBackend,
  type EspeakEngineOptions,
} from './engine/EspeakEngine.js';
export type { EspeakEvent, EspeakRawSynthesis } from './engine/libespeak/espeakEvents.js';
export { espeakVisemes, espeakWordTimings } from './engine/libespeak/espeakTimings.js';
export {
  LIBESPEAK_DEFAULT_PATH,
  LibEspeakWorker,
  type LibEspeakRequest,
} from './engine/libespeak/LibEspeakWorker.js';
export {
  AZURE_DEFAULT_STYLE,
  AZURE_DEFAULT_VOICE,
  AzureTtsEngine,
  type AzureTtsEngineOptions,
} from './engine/azure/AzureTtsEngine.js';
export {
  AZURE_SAMPLE_RATE,
  createAzureSynthesizer,
  type AzureSynthesizer,
  type AzureSynthesizerFactory,
} from './engine/azure/AzureSynthesizer.js';
export { azureCredentials, type AzureCredentials } from './engine/azure/azureCredentials.js';
export { azureSsml, type AzureSsmlOptions } from './engine/azure/azureSsml.js';
export { estimateWordTimings, textWords, wordWeight } from './engine/estimateWordTimings.js';
export type {
  Synthesis,
  SynthesisOptions,
  TtsEngine,
  VisemeTiming,
  WordTiming,
} from './engine/TtsEngine.js';
export { SILENCE_VISEME, ipaToVisemes } from './engine/visemes/azureVisemes.js';
export { placeVisemes } from './engine/visemes/placeVisemes.js';
export { AplayFailedError } from './errors/AplayFailedError.js';
export { AplayNotFoundError } from './errors/AplayNotFoundError.js';
export { AzureCredentialsMissingError } from './errors/AzureCredentialsMissingError.js';
export { AzureSynthesisFailedError } from './errors/AzureSynthesisFailedError.js';
export { EspeakFailedError } from './errors/EspeakFailedError.js';
export { EspeakNotFoundError } from './errors/EspeakNotFoundError.js';
export { LibEspeakUnavailableError } from './errors/LibEspeakUnavailableError.js';
export { SynthesisCancelledError } from './errors/SynthesisCancelledError.js';
export {
  AUDIO_OUTPUTS,
  declareTtsParameters,
  type AudioOutputKind,
  defaultAudioDir,
  TTS_PARAMETER_DEFAULTS,
  type TtsSettings,
} from './node/parameters.js';
export {
  createTtsEngine,
  TTS_ENGINES,
  type CreateTtsEngineOptions,
  type TtsEngineName,
} from './node/createTtsEngine.js';
export { safeFileName } from './node/safeFileName.js';
export { SpeechQueue, type Release } from './node/SpeechQueue.js';
export { TtsNode, type TtsNodeOptions } from './node/TtsNode.js';
export {
  AudioRetention,
  AUDIO_PURGE_PERIOD_MS,
  type AudioRetentionOptions,
} from './retention/AudioRetention.js';
export { isTtsAudioFileName } from './retention/ttsAudioFileName.js';
