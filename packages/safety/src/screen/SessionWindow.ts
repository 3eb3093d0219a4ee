/**
 * The recent turns of one session, as the screener saw them: a short window bounded by a
 * number of turns and by time, so yesterday's conversation does not raise today's.
 */
import { levelRank, type RiskCategory, type RiskLevel } from '../levels.js';

export interface WindowEntry {
  readonly level: RiskLevel;
  readonly category: RiskCategory | null;
  readonly at: number;
}

export class SessionWindow {
  readonly #entries: WindowEntry[] = [];

  constructor(
    private readonly maxTurns: number,
    private readonly maxAgeMs: number,
  ) {}

  /** The entries still inside the window at `now`, oldest first. */
  recent(now: number): readonly WindowEntry[] {
    while (this.#entries.length > 0 && now - (this.#entries[0]?.at ?? now) > this.maxAgeMs)
      this.#entries.shift();
    return this.#entries;
  }

  add(entry: WindowEntry): void {
    this.#entries.push(entry);
    while (this.#entries.length > this.maxTurns) this.#entries.shift();
  }

  /**
   * Raises the latest entry to `level` when that is higher: a classifier's answer arrives after
   * the turn was remembered. Never lowers it.
   */
  raiseLatest(level: RiskLevel, category: RiskCategory | null): void {
    const latest = this.#entries.at(-1);
    if (!latest || levelRank(level) <= levelRank(latest.level)) return;
    this.#entries[this.#entries.length - 1] = {
      level,
      category: category ?? latest.category,
      at: latest.at,
    };
  }
}
