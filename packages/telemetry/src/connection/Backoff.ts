/**
 * Reconnect delays: exponential, capped, with jitter. After a broker restart every robot of a
 * fleet reconnects at once; the jitter ("equal jitter": half fixed, half random) spreads them so
 * the broker is not hit by all of them in the same instant, while the fixed half keeps a retry
 * from coming too soon.
 */
export interface BackoffOptions {
  /** First delay before jitter; default 500 ms. */
  readonly initialMs?: number;
  /** Largest delay before jitter; default 30 s. */
  readonly maxMs?: number;
  /** Growth per attempt; default 2. */
  readonly factor?: number;
  /** A number in [0, 1); default Math.random. Tests fix it. */
  readonly random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 500;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.random = options.random ?? Math.random;
    if (!(this.initialMs > 0) || !(this.maxMs >= this.initialMs) || !(this.factor >= 1)) {
      throw new RangeError(
        `Backoff needs 0 < initialMs <= maxMs and factor >= 1, got initialMs ${this.initialMs}, ` +
          `maxMs ${this.maxMs}, factor ${this.factor}`,
      );
    }
  }

  /** The delay before the next attempt, in milliseconds; each call counts one attempt. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.initialMs * this.factor ** this.attempt);
    this.attempt += 1;
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  /** Attempts made since the last success. */
  get attempts(): number {
    return this.attempt;
  }

  /** After a successful connection: start from the first delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
