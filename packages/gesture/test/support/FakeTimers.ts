import type { TimerHandle, Timers } from '../../src/schedule/Timers.js';

interface Pending {
  readonly handle: { readonly id: number };
  readonly at: number;
  readonly callback: () => void;
}

/** A fake clock: time moves only when a test calls `advance`, firing due timers in order. */
export class FakeTimers implements Timers {
  private now = 0;
  private nextId = 0;
  private pending: Pending[] = [];

  nowMs(): number {
    return this.now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = { id: this.nextId++ };
    this.pending.push({ handle, at: this.now + Math.max(0, delayMs), callback });
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

  get pendingCount(): number {
    return this.pending.length;
  }
}
