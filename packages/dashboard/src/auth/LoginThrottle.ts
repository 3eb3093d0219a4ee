/**
 * Slows down password guessing: failed logins are counted per user name and per client address,
 * and after a few free failures each further one doubles the wait before the next try (up to a
 * cap). A successful login clears both counts. Kept in memory: a restart forgives, which costs an
 * attacker a restart they cannot cause, and keeps the store free of addresses.
 */

export interface LoginThrottleOptions {
  /** Failures allowed before any wait; default 3 per name, 10 per address (shared offices). */
  readonly freeFailuresPerName?: number;
  readonly freeFailuresPerAddress?: number;
  /** The first wait; doubled with each further failure. Default 1 s. */
  readonly baseDelayMs?: number;
  /** The longest wait; default 15 min. */
  readonly maxDelayMs?: number;
  /** Counts are forgotten this long after the last failure; default 1 h. */
  readonly forgetAfterMs?: number;
  readonly now?: () => number;
}

interface Count {
  failures: number;
  /** No try before this time (epoch ms). */
  blockedUntil: number;
  lastFailure: number;
}

/** Bounds memory under a flood of made-up names. */
const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly counts = new Map<string, Count>();
  private readonly freePerName: number;
  private readonly freePerAddress: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly forgetMs: number;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.freePerName = options.freeFailuresPerName ?? 3;
    this.freePerAddress = options.freeFailuresPerAddress ?? 10;
    this.baseMs = options.baseDelayMs ?? 1000;
    this.maxMs = options.maxDelayMs ?? 15 * 60 * 1000;
    this.forgetMs = options.forgetAfterMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds to wait before `name` may try again from `address`; 0 when it may try now. */
  retryAfterMs(name: string, address: string): number {
    const now = this.now();
    const wait = (key: string) => {
      const count = this.current(key, now);
      return count ? Math.max(0, count.blockedUntil - now) : 0;
    };
    return Math.max(wait(nameKey(name)), wait(addressKey(address)));
  }

  failed(name: string, address: string): void {
    const now = this.now();
    this.count(nameKey(name), this.freePerName, now);
    this.count(addressKey(address), this.freePerAddress, now);
  }

  succeeded(name: string, address: string): void {
    this.counts.delete(nameKey(name));
    this.counts.delete(addressKey(address));
  }

  private count(key: string, free: number, now: number): void {
    const count = this.current(key, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    count.failures += 1;
    count.lastFailure = now;
    const over = count.failures - free;
    if (over > 0) count.blockedUntil = now + Math.min(this.maxMs, this.baseMs * 2 ** (over - 1));
    this.counts.delete(key);
    this.counts.set(key, count);
    if (this.counts.size > MAX_KEYS) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
  }

  private current(key: string, now: number): Count | undefined {
    const count = this.counts.get(key);
    if (count && now - count.lastFailure > this.forgetMs && now >= count.blockedUntil) {
      this.counts.delete(key);
      return undefined;
    }
    return count;
  }
}

const nameKey = (name: string) => `name:${name.toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;
