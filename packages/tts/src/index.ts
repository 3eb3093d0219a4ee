// WAV encoding and PCM helpers live in @hearth/audio; this package speaks.
export type { AudioClip, AudioSink, PlaybackResult, PlayOptions } from './audio/AudioSink.js';
export { SimulatedAudioSink, type SimulatedAudioSinkOptions } from './audio/SimulatedAudioSink.js';
export { appendWavFile } from './audio/appendWavFile.js';
export { voicedSegments, type Segment, type VoicedSegmentOptions } from './audio/voicedSegments.js';
export { EspeakEngine, type EspeakEngineOptions } from './engine/EspeakEngine.js';
export { estimateWordTimings, textWords, wordWeight } from './engine/estimateWordTimings.js';
export type {
  Synthesis,
  SynthesisOptions,
  TtsEngine,
  VisemeTiming,
  WordTiming,
} from './engine/TtsEngine.js';
export { EspeakFailedError } from './errors/EspeakFailedError.js';
export { EspeakNotFoundError } from './errors/EspeakNotFoundError.js';
export { SynthesisCancelledError } from './errors/SynthesisCancelledError.js';
export {
  declareTtsParameters,
  defaultAudioDir,
  TTS_PARAMETER_DEFAULTS,
  type TtsSettings,
} from './node/parameters.js';
export { safeFileName } from './node/safeFileName.js';
export { SpeechQueue, type Release } from './node/SpeechQueue.js';
export { TtsNode, type TtsNodeOptions } from './node/TtsNode.js';
