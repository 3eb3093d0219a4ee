import type { TimerHandle, Timers } from '../../packages/graph/src/index.js';

interface Pending {
  readonly handle: { readonly id: number };
  readonly at: number;
  readonly delayMs: number;
  readonly callback: () => void;
}

/**
 * Timers on a hand-moved clock: time moves only when a test calls `advance` (firing due timers
 * in order) or `fireAll`, so reconnects, re-sends and schedules are checked without waiting.
 */
export class ManualTimers implements Timers {
  /** The clock's time in ms; a test may set it to start elsewhere than 0. */
  now = 0;
  private nextId = 1;
  private pending: Pending[] = [];

  nowMs(): number {
    return this.now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = { id: this.nextId++ };
    const wait = Math.max(0, delayMs);
    this.pending.push({ handle, at: this.now + wait, delayMs: wait, callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((entry) => entry.handle !== handle);
  }

  /** Moves time forward by `ms`, running each timer when its time comes. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.pending
        .filter((entry) => entry.at <= end)
        .sort((a, b) => a.at - b.at || a.handle.id - b.handle.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((entry) => entry !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }

  /** Runs every timer pending now, whatever its delay, without moving the clock. */
  fireAll(): void {
    const due = this.pending;
    this.pending = [];
    for (const entry of due) entry.callback();
  }

  /** The delays the pending timers were set with, in the order they were set. */
  delays(): number[] {
    return this.pending.map((entry) => entry.delayMs);
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
