import { dct2 } from './dct.js';
import { powerSpectrum } from './fft.js';
import { melFilterbank } from './melFilterbank.js';
import { defaultMfccOptions, type MfccOptions } from './MfccOptions.js';

/** Floor under the filterbank energies so silence gives a finite log (about -207 dB). */
const ENERGY_FLOOR = 1e-20;

/** One analysis frame: its cepstrum and its level (for skipping silence). */
export interface MfccFrame {
  readonly coefficients: Float64Array;
  /** RMS level of the frame in dB full scale. */
  readonly levelDb: number;
}

/**
 * Mel-frequency cepstral coefficients, streamed: samples go in in chunks of any size, frames come
 * out as soon as they are complete. Pre-emphasis carries the previous sample across chunks, so a
 * stream and the same audio in one piece give the same features.
 */
export class MfccExtractor {
  readonly options: MfccOptions;
  readonly frameSamples: number;
  readonly hopSamples: number;
  private readonly window: Float64Array;
  private readonly bank: Float64Array[];
  /** Each filter's first and last non-zero bin, so the products skip the zeros. */
  private readonly spans: { from: number; to: number }[];
  /** Pre-emphasised samples not yet consumed by a hop. */
  private buffer: Float64Array;
  /** Per-frame scratch, reused. */
  private readonly windowed: Float64Array;
  private readonly power: Float64Array;
  private readonly logMel: Float64Array;
  private buffered = 0;
  private previous = 0;

  constructor(options: Partial<MfccOptions> = {}) {
    this.options = { ...defaultMfccOptions, ...options };
    const { sampleRate, frameMs, hopMs, fftSize, filters } = this.options;
    this.frameSamples = Math.round((frameMs * sampleRate) / 1000);
    this.hopSamples = Math.round((hopMs * sampleRate) / 1000);
    if (this.frameSamples > fftSize) {
      throw new RangeError(
        `MFCC frame of ${this.frameSamples} samples exceeds FFT size ${fftSize}`,
      );
    }
    this.window = Float64Array.from(
      { length: this.frameSamples },
      (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (this.frameSamples - 1)),
    );
    this.bank = melFilterbank(filters, fftSize, sampleRate);
    this.spans = this.bank.map((weights) => {
      let from = 0;
      while (from < weights.length && weights[from] === 0) from++;
      let to = weights.length - 1;
      while (to > from && weights[to] === 0) to--;
      return { from, to };
    });
    this.buffer = new Float64Array(this.frameSamples * 4);
    this.windowed = new Float64Array(this.frameSamples);
    this.power = new Float64Array(fftSize / 2 + 1);
    this.logMel = new Float64Array(filters);
  }

  /** Feeds 16-bit samples; returns the frames they complete. */
  push(samples: Int16Array | Float32Array): MfccFrame[] {
    const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
    this.reserve(samples.length);
    const emphasis = this.options.preEmphasis;
    for (const raw of samples) {
      const sample = raw * scale;
      this.buffer[this.buffered++] = sample - emphasis * this.previous;
      this.previous = sample;
    }
    const frames: MfccFrame[] = [];
    let offset = 0;
    while (offset + this.frameSamples <= this.buffered) {
      frames.push(this.frame(this.buffer.subarray(offset, offset + this.frameSamples)));
      offset += this.hopSamples;
    }
    this.buffer.copyWithin(0, offset, this.buffered);
    this.buffered -= offset;
    return frames;
  }

  /** The features of a whole clip (a fresh stream). */
  static compute(samples: Int16Array | Float32Array, options?: Partial<MfccOptions>): MfccFrame[] {
    return new MfccExtractor(options).push(samples);
  }

  reset(): void {
    this.buffered = 0;
    this.previous = 0;
  }

  private reserve(extra: number): void {
    if (this.buffered + extra <= this.buffer.length) return;
    const grown = new Float64Array(Math.max(this.buffer.length * 2, this.buffered + extra));
    grown.set(this.buffer.subarray(0, this.buffered));
    this.buffer = grown;
  }

  private frame(samples: Float64Array): MfccFrame {
    const windowed = this.windowed;
    let energy = 0;
    for (let i = 0; i < this.frameSamples; i++) {
      const sample = samples[i] as number;
      energy += sample * sample;
      windowed[i] = sample * (this.window[i] as number);
    }
    const power = powerSpectrum(windowed, this.options.fftSize, this.power);
    const logMel = this.logMel;
    for (let f = 0; f < this.bank.length; f++) {
      const weights = this.bank[f] as Float64Array;
      const { from, to } = this.spans[f] as { from: number; to: number };
      let sum = 0;
      for (let k = from; k <= to; k++) sum += (weights[k] as number) * (power[k] as number);
      logMel[f] = Math.log(Math.max(sum, ENERGY_FLOOR));
    }
    const rms = Math.sqrt(energy / this.frameSamples);
    return {
      coefficients: dct2(logMel, this.options.coefficients),
      levelDb: rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100,
    };
  }
}

/**
 * Cepstral mean normalisation: subtracts each coefficient's mean over the frames (the channel:
 * microphone, room, voice). Plain loops: typed-array `map` with closures is slow in hot paths.
 */
export function cepstralMeanNormalize(frames: readonly Float64Array[]): Float64Array[] {
  const first = frames[0];
  if (first === undefined) return [];
  const width = first.length;
  const mean = new Float64Array(width);
  for (const frame of frames) {
    for (let i = 0; i < width; i++) mean[i] = (mean[i] as number) + (frame[i] as number);
  }
  for (let i = 0; i < width; i++) mean[i] = (mean[i] as number) / frames.length;
  const out: Float64Array[] = new Array<Float64Array>(frames.length);
  for (let f = 0; f < frames.length; f++) {
    const frame = frames[f] as Float64Array;
    const normalized = new Float64Array(width);
    for (let i = 0; i < width; i++) normalized[i] = (frame[i] as number) - (mean[i] as number);
    out[f] = normalized;
  }
  return out;
}
