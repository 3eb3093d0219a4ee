/**
 * A small deterministic PRNG (mulberry32). Model weights need reproducibility per seed, not
 * cryptographic quality, and this is fast enough to fill a billion-weight shape model.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A seed for an independent stream named `label`, so each tensor's weights do not depend on
   * the order tensors are generated in. FNV-1a over the label, mixed with the base seed. */
  static derive(seed: number, label: string): SeededRandom {
    let hash = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < label.length; i++) {
      hash ^= label.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return new SeededRandom(hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `count` values uniform in [-amplitude, amplitude). */
  fillUniform(count: number, amplitude: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = (this.next() * 2 - 1) * amplitude;
    return out;
  }
}
