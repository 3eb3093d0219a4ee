/**
 * Delays between reconnection attempts: exponential and capped, so a recognizer that lost its
 * network retries soon at first and then every `maxMs` without hammering the service. One robot
 * has one connection, so no jitter is needed.
 */
export interface BackoffOptions {
  /** The first delay; default 1000 ms. */
  readonly initialMs?: number;
  /** The largest delay; default 30 s. */
  readonly maxMs?: number;
}

export class Backoff {
  private attempt = 0;
  readonly initialMs: number;
  readonly maxMs: number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 1000;
    this.maxMs = options.maxMs ?? 30_000;
    if (!(this.initialMs > 0) || !(this.maxMs >= this.initialMs)) {
      throw new RangeError(
        `Backoff needs 0 < initialMs <= maxMs, got initialMs ${this.initialMs} and maxMs ${this.maxMs}: fix the stt node's reconnect_initial_ms and reconnect_max_ms parameters.`,
      );
    }
  }

  /** The delay before the next attempt; each call counts one attempt. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    return delay;
  }

  /** Attempts since the last success. */
  get attempts(): number {
    return this.attempt;
  }

  /** After a success: start from the first delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
