import { InvalidAudioFormatError } from '../errors/InvalidAudioFormatError.js';
import { AudioInParameters } from '../node/parameters.js';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { canStreamResample } from '../wav/StreamResampler.js';

/**
 * Sample formats audio_in reads from a ROS audio topic, named as audio_common's AudioInfo names
 * them (GStreamer's names): signed 16-bit and 32-bit float, little-endian, interleaved.
 */
export const PCM_SAMPLE_FORMATS = ['S16LE', 'F32LE'] as const;
export type PcmSampleFormat = (typeof PCM_SAMPLE_FORMATS)[number];

/** The lowest and highest rates accepted: telephone audio to studio audio. */
export const MIN_TOPIC_SAMPLE_RATE = 8000;
export const MAX_TOPIC_SAMPLE_RATE = 192000;
/** AudioInfo's channels is a uint8; more than this is a misconfiguration, not a microphone. */
export const MAX_TOPIC_CHANNELS = 64;

/** The layout of the bytes in an audio message, like audio_common's AudioInfo. */
export interface PcmFormat {
  readonly sampleRate: number;
  readonly channels: number;
  readonly sampleFormat: PcmSampleFormat;
}

/** The format as the parameters give it, before checking. */
export interface PcmFormatSetting {
  readonly sampleRate: number;
  readonly channels: number;
  readonly sampleFormat: string;
}

export function bytesPerSample(format: PcmSampleFormat): number {
  return format === 'S16LE' ? 2 : 4;
}

/** Bytes per sample frame (one sample of every channel). */
export function frameBytes(format: PcmFormat): number {
  return bytesPerSample(format.sampleFormat) * format.channels;
}

export function describePcmFormat(format: PcmFormat): string {
  return `${format.sampleFormat}, ${format.channels} channel(s), ${format.sampleRate} Hz`;
}

/**
 * Checks the topic_* parameters. ALSA's spellings (S16_LE, FLOAT_LE) and any letter case are
 * accepted, since robots' configs mix GStreamer and ALSA names. Throws InvalidAudioFormatError
 * naming the first parameter that is wrong and what it must be.
 */
export function parsePcmFormat(setting: PcmFormatSetting): PcmFormat {
  return {
    sampleFormat: checkSampleFormat(setting.sampleFormat),
    sampleRate: checkSampleRate(setting.sampleRate),
    channels: checkChannels(setting.channels),
  };
}

/** topic_sample_format, normalised to GStreamer's name; throws InvalidAudioFormatError. */
export function checkSampleFormat(value: string): PcmSampleFormat {
  const normalized = value.toUpperCase().replace(/_/g, '');
  const sampleFormat = normalized === 'FLOATLE' ? 'F32LE' : normalized;
  if (!(PCM_SAMPLE_FORMATS as readonly string[]).includes(sampleFormat)) {
    throw new InvalidAudioFormatError(
      AudioInParameters.topicSampleFormat,
      value,
      `one of ${PCM_SAMPLE_FORMATS.join(', ')} (little-endian PCM; other encodings need a ` +
        `converting relay)`,
    );
  }
  return sampleFormat as PcmSampleFormat;
}

/** topic_sample_rate; throws InvalidAudioFormatError. */
export function checkSampleRate(value: number): number {
  if (
    !Number.isInteger(value) ||
    value < MIN_TOPIC_SAMPLE_RATE ||
    value > MAX_TOPIC_SAMPLE_RATE ||
    !canStreamResample(value, HEARTH_SAMPLE_RATE)
  ) {
    throw new InvalidAudioFormatError(
      AudioInParameters.topicSampleRate,
      value,
      `a standard rate in Hz from ${MIN_TOPIC_SAMPLE_RATE} to ${MAX_TOPIC_SAMPLE_RATE}, such ` +
        `as 16000, 22050, 44100 or 48000`,
    );
  }
  return value;
}

/** topic_channels; throws InvalidAudioFormatError. */
export function checkChannels(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TOPIC_CHANNELS) {
    throw new InvalidAudioFormatError(
      AudioInParameters.topicChannels,
      value,
      `a whole number of channels from 1 to ${MAX_TOPIC_CHANNELS}`,
    );
  }
  return value;
}
