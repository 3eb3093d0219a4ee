/**
 * Fires marks on time once playback has started: each `offsetMs / speed` after `start()`, each
 * once. Marks added before the start wait for it; `flush()` fires the rest, in offset order, when
 * the audio is known to have been heard to the end. Used by the sinks that pace real time.
 */
export class MarkClock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  /** Every mark added: index to offset. */
  private readonly offsets = new Map<number, number>();
  private readonly fired = new Set<number>();
  private startedAt: number | undefined;

  constructor(
    private readonly onMark: (index: number) => void,
    private readonly speed = 1,
  ) {}

  get started(): boolean {
    return this.startedAt !== undefined;
  }

  /** How far playback has got, in ms of audio (0 before the start). */
  positionMs(): number {
    return this.startedAt === undefined ? 0 : (performance.now() - this.startedAt) * this.speed;
  }

  start(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = performance.now();
    for (const [index, offsetMs] of this.offsets) this.schedule(index, offsetMs);
  }

  add(index: number, offsetMs: number): void {
    this.offsets.set(index, offsetMs);
    if (this.startedAt !== undefined) this.schedule(index, offsetMs);
  }

  /** Fires every mark not yet fired, in offset order (playback reached the end). */
  flush(): void {
    this.stop();
    const rest = [...this.offsets].filter(([index]) => !this.fired.has(index));
    rest.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [index] of rest) this.fire(index);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(index: number, offsetMs: number): void {
    const delay = Math.max(0, offsetMs / this.speed - (performance.now() - (this.startedAt ?? 0)));
    this.timers.set(
      index,
      setTimeout(() => {
        this.timers.delete(index);
        this.fire(index);
      }, delay),
    );
  }

  private fire(index: number): void {
    if (this.fired.has(index)) return;
    this.fired.add(index);
    this.onMark(index);
  }
}
