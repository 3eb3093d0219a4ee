import { readFile } from 'node:fs/promises';
import { UnsupportedWavFormatError } from '../errors/UnsupportedWavFormatError.js';
import { HEARTH_SAMPLE_RATE, type PcmAudio } from '../PcmAudio.js';
import { decodeWav, type DecodedWav } from './decodeWav.js';
import { resample } from './resample.js';

export interface ReadWavOptions {
  /**
   * Convert other formats (rate, channels, bit depth) to 16 kHz mono 16-bit: channels are
   * averaged, the rate is resampled. When false, such a file is refused. Default true.
   */
  readonly convert?: boolean;
}

/** Reads a WAV file as Hearth's 16 kHz mono 16-bit audio. */
export async function readWavFile(path: string, options: ReadWavOptions = {}): Promise<PcmAudio> {
  return wavToHearthPcm(await readFile(path), path, options);
}

export function wavToHearthPcm(
  bytes: Buffer,
  source = 'WAV data',
  options: ReadWavOptions = {},
): PcmAudio {
  const decoded = decodeWav(bytes, source);
  const native =
    decoded.sampleRate === HEARTH_SAMPLE_RATE &&
    decoded.channels.length === 1 &&
    decoded.format === 1 &&
    decoded.bitsPerSample === 16;
  if (!native && options.convert === false) {
    throw new UnsupportedWavFormatError(source, describe(decoded));
  }
  const mono = mixToMono(decoded.channels);
  const at16k = resample(mono, decoded.sampleRate, HEARTH_SAMPLE_RATE);
  return { sampleRate: HEARTH_SAMPLE_RATE, samples: floatToInt16(at16k) };
}

function describe(wav: DecodedWav): string {
  const kind = wav.format === 3 ? 'float' : 'integer';
  return `${wav.sampleRate} Hz, ${wav.channels.length} channel(s), ${wav.bitsPerSample}-bit ${kind}`;
}

function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0] ?? new Float32Array(0);
  if (channels.length === 1) return first;
  const mono = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0);
  }
  for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) / channels.length;
  return mono;
}

export function floatToInt16(input: Float32Array): Int16Array {
  const output = new Int16Array(input.length);
  for (let i = 0; i < input.length; i++) {
    // Rounding by hand: Math.round per sample is slow inside jest's VM context.
    const scaled = (input[i] as number) * 32768;
    const value = scaled >= 0 ? (scaled + 0.5) | 0 : -((-scaled + 0.5) | 0);
    output[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
  }
  return output;
}
