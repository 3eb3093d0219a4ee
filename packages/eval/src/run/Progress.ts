/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * A progress line on stderr with the rate and an ETA from the examples done in this process
 * (resumed ones are counted as done but not timed). On a terminal it redraws one line; in a log
 * it writes a line at most every few seconds.
 */
export class Progress {
  private doneHere = 0;
  private lastWrite = 0;
  private readonly startedAt: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private done: number,
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.startedAt = now();
  }

  tick(): void {
    this.done += 1;
    this.doneHere += 1;
    const time = this.now();
    const last = this.done === this.total;
    if (!last && time - this.lastWrite < (this.stream.isTTY ? 200 : 5000)) return;
    this.lastWrite = time;
    this.stream.write(this.line(time) + (this.stream.isTTY && !last ? '\r' : '\n'));
  }

  line(time = this.now()): string {
    const elapsed = (time - this.startedAt) / 1000;
    const perItem = this.doneHere === 0 ? Number.NaN : elapsed / this.doneHere;
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const percent = this.total === 0 ? 100 : (this.done / this.total) * 100;
    return `${this.label} [${bar}] ${this.done}/${this.total} (${percent.toFixed(1)}%) ETA ${formatDuration(perItem * (this.total - this.done))}`;
  }
}
