interface FftTables {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  /** Work buffers, reused: allocation per frame costs more than the butterflies. */
  readonly re: Float64Array;
  readonly im: Float64Array;
}

const tables = new Map<number, FftTables>();

/** cos and sin of -2πk/n for k < n/2, computed once per size (Math.sin is slow in hot loops). */
function tablesFor(n: number): FftTables {
  let table = tables.get(n);
  if (table === undefined) {
    const cos = new Float64Array(n / 2);
    const sin = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) {
      cos[k] = Math.cos((-2 * Math.PI * k) / n);
      sin[k] = Math.sin((-2 * Math.PI * k) / n);
    }
    table = { cos, sin, re: new Float64Array(n), im: new Float64Array(n) };
    tables.set(n, table);
  }
  return table;
}

/**
 * The power spectrum |X[k]|² for k = 0..n/2 of a real frame, zero-padded to `n` (a power of two),
 * by an iterative radix-2 FFT, into `out` when given. The wake word runs it 100 times a second.
 */
export function powerSpectrum(
  frame: Float64Array,
  n: number,
  out: Float64Array = new Float64Array(n / 2 + 1),
): Float64Array {
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`FFT size ${n} is not a power of two`);
  const { cos, sin, re, im } = tablesFor(n);
  re.fill(0);
  im.fill(0);
  re.set(frame.subarray(0, Math.min(frame.length, n)));
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const t = re[i] as number;
      re[i] = re[j] as number;
      re[j] = t;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride] as number;
        const wi = sin[k * stride] as number;
        const a = start + k;
        const b = a + half;
        const br = re[b] as number;
        const bi = im[b] as number;
        const tr = wr * br - wi * bi;
        const ti = wr * bi + wi * br;
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
      }
    }
  }
  for (let k = 0; k <= n / 2; k++) {
    const r = re[k] as number;
    const i = im[k] as number;
    out[k] = r * r + i * i;
  }
  return out;
}
