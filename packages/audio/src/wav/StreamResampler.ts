import { UnsupportedResampleRatioError } from '../errors/UnsupportedResampleRatioError.js';
import { MAX_PHASES, phaseBank, rateRatio, type PhaseBank } from './resample.js';

/** Whether `StreamResampler` can convert `fromRate` to `toRate`. */
export function canStreamResample(fromRate: number, toRate: number): boolean {
  return rateRatio(fromRate, toRate).up <= MAX_PHASES;
}

/**
 * `resample`'s band-limited polyphase filter over a stream that arrives in chunks of any size:
 * the samples each output needs beyond the current chunk are kept for the next, so chunk
 * boundaries leave no clicks and the output count never drifts (output i is always at input
 * position i·down/up). An output comes out once its last input tap has arrived, a delay of about
 * `halfWidth` input samples (1 ms from 22.05 kHz). Before the first sample the stream is taken
 * as silence.
 */
export class StreamResampler {
  private readonly bank: PhaseBank | undefined;
  /** Input not yet consumed; `held[0]` is input index `heldStart`. */
  private held = new Float32Array(0);
  private heldStart = 0;
  private received = 0;
  /** The next output's base input sample and phase (its position is base + phase / up). */
  private base = 0;
  private phase = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    const { up, down } = rateRatio(fromRate, toRate);
    if (up > MAX_PHASES) throw new UnsupportedResampleRatioError(fromRate, toRate);
    this.bank = up === 1 && down === 1 ? undefined : phaseBank(up, down);
    this.reset();
  }

  /** The converted samples that `input` completes, in order. */
  push(input: Float32Array): Float32Array {
    const bank = this.bank;
    if (bank === undefined) return input.slice();
    const { up, down, halfWidth, taps, weights } = bank;
    const all = new Float32Array(this.held.length + input.length);
    all.set(this.held);
    all.set(input, this.held.length);
    this.received += input.length;
    // Outputs whose taps all lie within the input received so far.
    // Output j of this call has base floor((base·up + phase + j·down) / up), which must be at
    // most received - 1 - halfWidth.
    const count = Math.max(
      0,
      Math.floor(((this.received - halfWidth - this.base) * up - 1 - this.phase) / down) + 1,
    );
    const output = new Float32Array(count);
    let base = this.base;
    let phase = this.phase;
    for (let i = 0; i < count; i++) {
      const first = base - halfWidth - this.heldStart;
      const row = phase * taps;
      let acc = 0;
      for (let t = 0; t < taps; t++)
        acc += (all[first + t] as number) * (weights[row + t] as number);
      output[i] = acc;
      phase += down;
      base += Math.floor(phase / up);
      phase %= up;
    }
    this.base = base;
    this.phase = phase;
    // Keep what the next output's taps reach back to.
    const keepFrom = Math.min(base - halfWidth, this.received) - this.heldStart;
    // A view, not a copy: the next push copies it into its own buffer anyway.
    this.held = all.subarray(Math.max(0, keepFrom));
    this.heldStart += Math.max(0, keepFrom);
    return output;
  }

  /** Forgets the stream: the next sample starts a new one (after a gap in the timeline). */
  reset(): void {
    const halfWidth = this.bank?.halfWidth ?? 0;
    this.held = new Float32Array(halfWidth);
    this.heldStart = -halfWidth;
    this.received = 0;
    this.base = 0;
    this.phase = 0;
  }
}
