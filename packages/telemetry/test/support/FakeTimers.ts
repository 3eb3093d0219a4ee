/** Timers a test advances by hand: reconnects and alert re-sends without waiting. */
import type { Timers } from '../../src/connection/Timers.js';

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class FakeTimers implements Timers {
  now = 0;
  private pending: Pending[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** Delays scheduled and not yet run. */
  get delays(): number[] {
    return this.pending.map((p) => p.at - this.now);
  }

  /** Runs, in time order, every timer due within `ms`. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.pending
        .filter((p) => p.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }
}
