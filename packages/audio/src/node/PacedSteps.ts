/**
 * Runs steps in order, at most `perTurn` in one turn of the event loop and the rest on later
 * turns. audio_in publishes frames through it: a source that delivers a burst (a ROS message of
 * 200 ms, a filled gap, a large pipe read) would otherwise publish more frames at once than a
 * best-effort subscriber keeps (depth 5), and the oldest would be lost.
 */
export class PacedSteps {
  private readonly steps: (() => void)[] = [];
  private ranThisTurn = 0;
  private turnScheduled = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly perTurn: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(step: () => void): void {
    this.steps.push(step);
    this.pump();
  }

  /** Resolves once every step pushed so far has run. */
  idle(): Promise<void> {
    if (this.steps.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the steps not yet run (shutdown). */
  clear(): void {
    this.steps.length = 0;
    this.settle();
  }

  private pump(): void {
    while (this.steps.length > 0 && this.ranThisTurn < this.perTurn) {
      this.ranThisTurn++;
      const step = this.steps.shift() as () => void;
      try {
        step();
      } catch (error) {
        this.onError(error);
      }
    }
    if (!this.turnScheduled && this.ranThisTurn > 0) {
      this.turnScheduled = true;
      // The subscribers' deliveries of this turn were scheduled first, so they run before more.
      setImmediate(() => {
        this.turnScheduled = false;
        this.ranThisTurn = 0;
        this.pump();
      });
    }
    if (this.steps.length === 0) this.settle();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
