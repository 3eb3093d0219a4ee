/** Scales each frame to unit length, so that a dot product is the cosine similarity. */
export function unitFrames(frames: readonly Float64Array[]): Float64Array[] {
  const out: Float64Array[] = new Array<Float64Array>(frames.length);
  for (let f = 0; f < frames.length; f++) {
    const frame = frames[f] as Float64Array;
    const unit = new Float64Array(frame.length);
    unit.set(frame);
    normalizeRows(unit, 1, frame.length);
    out[f] = unit;
  }
  return out;
}

/** Scales each of `rows` rows of `width` values in `flat` to unit length, in place. */
export function normalizeRows(flat: Float64Array, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    const at = r * width;
    let norm = 0;
    for (let i = 0; i < width; i++) norm += (flat[at + i] as number) * (flat[at + i] as number);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < width; i++) flat[at + i] = (flat[at + i] as number) * scale;
  }
}

/** Row buffers reused across calls: allocation, not arithmetic, is the cost in hot loops. */
let rowA = new Float64Array(0);
let rowB = new Float64Array(0);

/**
 * Dynamic time warping distance between two sequences of unit-length frames, stored flat
 * (`n` × `width` and `m` × `width`), with cosine distance per frame pair (Raven's choice),
 * symmetric step weights (a diagonal step counts twice) so the total divided by `n + m` is the
 * mean distance along the path, and a Sakoe-Chiba band of `band` (a fraction of the longer
 * length) that forbids absurd warps and bounds the work. Returns Infinity when the lengths
 * differ too much for the band, or (early abandoning) as soon as the distance is sure to exceed
 * `abandonAbove`: costs only grow along a path, so once every cell of a row is over the bound,
 * no path can finish under it. Most windows of live audio are not the phrase and stop early.
 */
export function dtwDistanceFlat(
  a: Float64Array,
  n: number,
  b: Float64Array,
  m: number,
  width: number,
  band = 0.3,
  abandonAbove = Infinity,
): number {
  if (n === 0 || m === 0) return Infinity;
  if (rowA.length < m + 1) {
    rowA = new Float64Array(m + 1);
    rowB = new Float64Array(m + 1);
  }
  let previous = rowA;
  let current = rowB;
  const reach = Math.max(Math.ceil(band * Math.max(n, m)), Math.abs(n - m) + 1);
  previous.fill(Infinity, 0, m + 1);
  previous[0] = 0;
  const bound = abandonAbove * (n + m);
  for (let i = 1; i <= n; i++) {
    current.fill(Infinity, 0, m + 1);
    const centre = Math.round((i * m) / n);
    const from = Math.max(1, centre - reach);
    const to = Math.min(m, centre + reach);
    const ai = (i - 1) * width;
    let rowMin = Infinity;
    for (let j = from; j <= to; j++) {
      const bj = (j - 1) * width;
      let dot = 0;
      for (let k = 0; k < width; k++) dot += (a[ai + k] as number) * (b[bj + k] as number);
      const cost = 1 - dot;
      const diagonal = (previous[j - 1] as number) + 2 * cost;
      const up = (previous[j] as number) + cost;
      const left = (current[j - 1] as number) + cost;
      const best = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > bound) return Infinity;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return (previous[m] as number) / (n + m);
}

/** Packs frames into one flat array (`frames.length` × width). */
export function flatten(frames: readonly Float64Array[]): Float64Array {
  const width = frames[0]?.length ?? 0;
  const flat = new Float64Array(frames.length * width);
  frames.forEach((frame, f) => flat.set(frame, f * width));
  return flat;
}

/** `dtwDistanceFlat` over arrays of unit-length frames (tests, tools). */
export function dtwDistance(
  a: readonly Float64Array[],
  b: readonly Float64Array[],
  band = 0.3,
  abandonAbove = Infinity,
): number {
  const width = a[0]?.length ?? 0;
  return dtwDistanceFlat(flatten(a), a.length, flatten(b), b.length, width, band, abandonAbove);
}
