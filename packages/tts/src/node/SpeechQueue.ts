/** Gives up a turn in the queue. */
export type Release = () => void;

/**
 * First come, first spoken: each say goal waits for the goals that arrived before it. A goal
 * cancelled while waiting leaves at once (its caller gets a result without waiting for the
 * sentences ahead of it) and does not hold up the ones behind it.
 */
export class SpeechQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Goals queued or speaking. */
  get length(): number {
    return this.waiting;
  }

  /** Resolves with a release once it is this caller's turn, or undefined when `signal` aborted first. */
  async acquire(signal: AbortSignal): Promise<Release | undefined> {
    const previous = this.tail;
    let release!: Release;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.tail = previous.then(() => mine);
    this.waiting++;
    let released = false;
    const releaseOnce: Release = () => {
      if (released) return;
      released = true;
      this.waiting--;
      release();
    };
    const turn = await new Promise<boolean>((resolve) => {
      if (signal.aborted) {
        resolve(false);
        return;
      }
      const onAbort = (): void => resolve(false);
      signal.addEventListener('abort', onAbort, { once: true });
      void previous.then(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      });
    });
    if (!turn || signal.aborted) {
      releaseOnce();
      return undefined;
    }
    return releaseOnce;
  }
}
