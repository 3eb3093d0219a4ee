export {
  HEARTH_SAMPLE_RATE,
  concatPcm,
  durationMs,
  silence,
  truncateAudio,
  type PcmAudio,
} from './PcmAudio.js';
export { Listeners } from './Listeners.js';
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
export type { AudioSource, AudioSourceEnd } from './sources/AudioSource.js';
export { ArecordSource, type ArecordSourceOptions } from './sources/ArecordSource.js';
export { WavFileSource, type WavFileSourceOptions } from './sources/WavFileSource.js';
export { AudioInNode, type AudioInNodeOptions } from './node/AudioInNode.js';
export { FrameAssembler } from './node/FrameAssembler.js';
export { AUDIO_SOURCES, AudioInParameters, type AudioSourceKind } from './node/parameters.js';
export { speechSegments, type Vad, type VadEvent } from './vad/Vad.js';
export { EnergyVad, type EnergyVadOptions } from './vad/EnergyVad.js';
export { SileroVad, type SileroVadOptions } from './vad/SileroVad.js';
export { SpeechSegmenter, type SpeechSegmenterOptions } from './vad/SpeechSegmenter.js';
export { sileroModelPath } from './vad/sileroModelPath.js';
export { ArecordFailedError } from './errors/ArecordFailedError.js';
export { ArecordNotFoundError } from './errors/ArecordNotFoundError.js';
export { InvalidWavError } from './errors/InvalidWavError.js';
export { SileroUnavailableError } from './errors/SileroUnavailableError.js';
export { UnsupportedWavFormatError } from './errors/UnsupportedWavFormatError.js';
