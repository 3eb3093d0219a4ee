/** Half-width of the windowed-sinc kernel, in zero crossings of the filter's sinc. */
const ZERO_CROSSINGS = 16;
/** Kernel table resolution: entries per zero crossing (linear interpolation between them). */
const TABLE_STEPS = 256;

let kernelTable: Float64Array | undefined;

/**
 * The Hann-windowed sinc, tabulated once: `table[round(x * TABLE_STEPS)]` for x in zero
 * crossings. Calling Math.sin per tap is slow, above all inside jest's VM context (about 14
 * times slower there), and the table loses nothing audible.
 */
export function kernel(): Float64Array {
  if (kernelTable !== undefined) return kernelTable;
  const size = ZERO_CROSSINGS * TABLE_STEPS + 2;
  kernelTable = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = i / TABLE_STEPS;
    const sinc = i === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const window = x >= ZERO_CROSSINGS ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * x) / ZERO_CROSSINGS);
    kernelTable[i] = sinc * window;
  }
  return kernelTable;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The kernel's value at `distance` input samples from the centre, for a given cut-off. */
export function weightAt(table: Float64Array, distance: number, cutoff: number): number {
  const position = (distance < 0 ? -distance : distance) * cutoff * TABLE_STEPS;
  const index = position | 0;
  if (index + 1 >= table.length) return 0;
  const fraction = position - index;
  return (table[index] as number) * (1 - fraction) + (table[index + 1] as number) * fraction;
}

/** Most phases a polyphase filter bank may have before the direct method is used instead. */
export const MAX_PHASES = 2048;

/** A polyphase filter bank: `up` rows of `taps` weights, each row summing to 1. */
export interface PhaseBank {
  readonly up: number;
  readonly down: number;
  readonly cutoff: number;
  /** Input samples on each side of an output's base sample. */
  readonly halfWidth: number;
  readonly taps: number;
  readonly weights: Float64Array;
}

/** The reduced ratio `up`/`down` for a conversion from `fromRate` to `toRate`. */
export function rateRatio(fromRate: number, toRate: number): { up: number; down: number } {
  const divisor = gcd(fromRate, toRate);
  return { up: toRate / divisor, down: fromRate / divisor };
}

/**
 * The weights for output positions `phase / up` past an input sample, for every phase. The
 * batch `resample` and the streaming `StreamResampler` share it, so a stream converts exactly
 * as a whole file does.
 */
export function phaseBank(up: number, down: number): PhaseBank {
  const table = kernel();
  const ratio = up / down;
  const cutoff = ratio < 1 ? ratio : 1;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / cutoff);
  const taps = 2 * halfWidth + 1;
  const weights = new Float64Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    const fraction = phase / up; // the output's position past its base input sample
    let sum = 0;
    for (let t = 0; t < taps; t++) {
      const weight = weightAt(table, t - halfWidth - fraction, cutoff);
      weights[phase * taps + t] = weight;
      sum += weight;
    }
    for (let t = 0; t < taps; t++)
      weights[phase * taps + t] = (weights[phase * taps + t] as number) / sum;
  }
  return { up, down, cutoff, halfWidth, taps, weights };
}

/**
 * Band-limited resampling with a Hann-windowed sinc. When downsampling, the cut-off moves down to
 * the new Nyquist frequency so that energy above it does not fold back into the speech band the
 * wake word and VAD look at.
 */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const table = kernel();
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  if (up <= MAX_PHASES) return resamplePolyphase(input, phaseBank(up, fromRate / divisor));
  const ratio = toRate / fromRate;
  const cutoff = ratio < 1 ? ratio : 1; // relative to the input's Nyquist frequency
  const halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
  const length = Math.floor(input.length * ratio);
  const output = new Float32Array(length);
  const last = input.length - 1;
  for (let i = 0; i < length; i++) {
    const centre = i / ratio;
    let first = Math.ceil(centre - halfWidth);
    if (first < 0) first = 0;
    let end = Math.floor(centre + halfWidth);
    if (end > last) end = last;
    let sum = 0;
    let weights = 0;
    for (let j = first; j <= end; j++) {
      const position = (j > centre ? j - centre : centre - j) * cutoff * TABLE_STEPS;
      const index = position | 0;
      const fraction = position - index;
      const weight =
        (table[index] as number) * (1 - fraction) + (table[index + 1] as number) * fraction;
      sum += (input[j] as number) * weight;
      weights += weight;
    }
    // Normalising by the weights keeps DC gain at 1, also at the edges where the kernel is cut.
    output[i] = weights !== 0 ? sum / weights : 0;
  }
  return output;
}

/**
 * The same filter for a rational ratio `up`/`down` (22050 → 16000 is 320/441): output sample i
 * sits at input position i·down/up, whose fractional part takes only `up` values, so each phase's
 * weights are computed once and every output is one dot product.
 */
function resamplePolyphase(input: Float32Array, phases: PhaseBank): Float32Array {
  const { up, down, halfWidth, taps, weights: bank } = phases;
  const length = Math.floor((input.length * up) / down);
  const output = new Float32Array(length);
  const last = input.length - 1;
  for (let i = 0; i < length; i++) {
    const position = i * down;
    const base = Math.floor(position / up);
    const phase = position - base * up;
    const first = base - halfWidth;
    const offset = phase * taps;
    let acc = 0;
    if (first >= 0 && first + taps - 1 <= last) {
      for (let t = 0; t < taps; t++)
        acc += (input[first + t] as number) * (bank[offset + t] as number);
    } else {
      // At the edges, renormalise over the taps that fall inside the signal (DC gain stays 1).
      let weights = 0;
      for (let t = 0; t < taps; t++) {
        const j = first + t;
        if (j < 0 || j > last) continue;
        acc += (input[j] as number) * (bank[offset + t] as number);
        weights += bank[offset + t] as number;
      }
      acc = weights !== 0 ? acc / weights : 0;
    }
    output[i] = acc;
  }
  return output;
}
