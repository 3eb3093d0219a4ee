/**
 * The time a turn may take to its first sentence. `expired` resolves to 'deadline' when it
 * passes first; `met()` (a sentence is ready) or `clear()` (the turn ended) stop it. A zero or
 * negative time never expires.
 */
export class FirstSentenceDeadline {
  readonly expired: Promise<'deadline'>;
  private timer: NodeJS.Timeout | undefined;
  private passedValue = false;

  constructor(readonly ms: number) {
    this.expired = new Promise((resolve) => {
      if (ms <= 0) return;
      this.timer = setTimeout(() => {
        this.passedValue = true;
        resolve('deadline');
      }, ms);
    });
  }

  /** True once the deadline has passed without a sentence. */
  get passed(): boolean {
    return this.passedValue;
  }

  met(): void {
    this.clear();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
