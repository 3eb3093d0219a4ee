/**
 * The in-memory outbox: survives broker outages, not robot restarts (issue 8 adds the on-disk
 * one behind the same interface). Bounded: when full, the oldest normal entry is dropped to make
 * room; alerts are never dropped, so a full outbox of alerts grows past the bound.
 */
import type { Outbox, OutboxEntry, OutboxReviser } from './Outbox.js';

export interface MemoryOutboxOptions {
  /** Most entries kept; default 1000. */
  readonly capacity?: number;
  /** Told about each entry dropped for room, so the loss is logged. */
  readonly onDrop?: (entry: OutboxEntry) => void;
}

export class MemoryOutbox implements Outbox {
  private entries: OutboxEntry[] = [];
  private readonly capacity: number;
  private readonly onDrop: ((entry: OutboxEntry) => void) | undefined;

  constructor(options: MemoryOutboxOptions = {}) {
    this.capacity = options.capacity ?? 1000;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError(
        `MemoryOutbox capacity must be a whole number of at least 1, got ${this.capacity}`,
      );
    }
    this.onDrop = options.onDrop;
  }

  async append(entry: OutboxEntry): Promise<void> {
    if (this.entries.length >= this.capacity) {
      const victim = this.entries.findIndex((e) => e.priority !== 'alert');
      if (victim >= 0) {
        const [dropped] = this.entries.splice(victim, 1);
        if (dropped) this.onDrop?.(dropped);
      }
    }
    this.entries.push(entry);
  }

  async peek(limit: number): Promise<readonly OutboxEntry[]> {
    return this.entries.slice(0, Math.max(0, limit));
  }

  async acknowledge(id: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.id !== id);
  }

  async size(): Promise<number> {
    return this.entries.length;
  }

  async revise(reviser: OutboxReviser): Promise<number> {
    let changed = 0;
    const kept: OutboxEntry[] = [];
    for (const entry of this.entries) {
      const revised = reviser(entry);
      if (revised !== entry) changed += 1;
      if (revised) kept.push({ ...revised, id: entry.id });
    }
    this.entries = kept;
    return changed;
  }

  async dispose(): Promise<void> {
    this.entries = [];
  }
}
