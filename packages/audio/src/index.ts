export {
  HEARTH_SAMPLE_RATE,
  concatPcm,
  durationMs,
  silence,
  truncateAudio,
  type PcmAudio,
} from './PcmAudio.js';
export { decodeWav, type DecodedWav } from './wav/decodeWav.js';
export {
  WAV_HEADER_BYTES,
  decodePcm16Wav,
  encodeWav,
  pcmBytes,
  readWavLayout,
  wavHeader,
  type WavLayout,
} from './wav/pcm16Wav.js';
export { floatToInt16, readWavFile, wavToHearthPcm, type ReadWavOptions } from './wav/readWav.js';
export { resample } from './wav/resample.js';
export { StreamResampler, canStreamResample } from './wav/StreamResampler.js';
export type { AudioSource, AudioSourceEnd, SamplesListener } from './sources/AudioSource.js';
export { RosTopicSource, type RosTopicSourceOptions } from './sources/RosTopicSource.js';
export {
  CaptureTimeline,
  type CaptureTimelineOptions,
  type TimelinePlacement,
  type TimelineRestartReason,
} from './topic/CaptureTimeline.js';
export { decodePcmBytes } from './topic/decodePcmBytes.js';
export { OnceLog } from './topic/OnceLog.js';
export {
  MAX_TOPIC_CHANNELS,
  MAX_TOPIC_SAMPLE_RATE,
  MIN_TOPIC_SAMPLE_RATE,
  PCM_SAMPLE_FORMATS,
  bytesPerSample,
  checkChannels,
  checkSampleFormat,
  checkSampleRate,
  describePcmFormat,
  frameBytes,
  parsePcmFormat,
  type PcmFormat,
  type PcmFormatSetting,
  type PcmSampleFormat,
} from './topic/PcmFormat.js';
export { ArecordSource, type ArecordSourceOptions } from './sources/ArecordSource.js';
export { WavFileSource, type WavFileSourceOptions } from './sources/WavFileSource.js';
export { AudioInNode, type AudioInNodeOptions } from './node/AudioInNode.js';
export { FrameAssembler } from './node/FrameAssembler.js';
export {
  AUDIO_SOURCES,
  AudioInParameters,
  VAD_KINDS,
  type AudioSourceKind,
  type VadKind,
} from './node/parameters.js';
export {
  VoiceActivityTracker,
  type VoiceActivityTrackerOptions,
} from './node/VoiceActivityTracker.js';
export { speechSegments, type Vad, type VadEvent, type VadSegmentOptions } from './vad/Vad.js';
export { createVad, type VadChoice } from './vad/createVad.js';
export { EnergyVad, type EnergyVadOptions } from './vad/EnergyVad.js';
export { SileroVad, type SileroVadOptions } from './vad/SileroVad.js';
export { SpeechSegmenter, type SpeechSegmenterOptions } from './vad/SpeechSegmenter.js';
export { sileroModelPath } from './vad/sileroModelPath.js';
export { ArecordFailedError } from './errors/ArecordFailedError.js';
export { ArecordNotFoundError } from './errors/ArecordNotFoundError.js';
export { AudioDataLengthError } from './errors/AudioDataLengthError.js';
export { InvalidAudioFormatError } from './errors/InvalidAudioFormatError.js';
export { UnsupportedResampleRatioError } from './errors/UnsupportedResampleRatioError.js';
export { InvalidWavError } from './errors/InvalidWavError.js';
export { SileroUnavailableError } from './errors/SileroUnavailableError.js';
export { UnsupportedWavFormatError } from './errors/UnsupportedWavFormatError.js';
