import type { TimerHandle, Timers } from '@hearth/graph';

/**
 * Closes the microphone while the robot's motors move, so its own motor noise is not heard as
 * speech, and opens it `tailMs` after the last motion ends (motors spin down, gears settle).
 * Reports only changes; the node publishes them as MicGate messages.
 */
export class MicGateController {
  private readonly moving = new Map<object, string>();
  private open = true;
  private reopenTimer: TimerHandle | undefined;

  constructor(
    private readonly timers: Timers,
    private readonly onChange: (open: boolean, reason: string) => void,
    private tailMs: number,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  setTailMs(tailMs: number): void {
    this.tailMs = tailMs;
  }

  /** A motion that gates the mic started; `key` identifies it until `motionEnded`. */
  motionStarted(key: object, name: string): void {
    this.moving.set(key, name);
    this.cancelReopen();
    if (this.open) this.set(false, `gesture ${name} moving`);
  }

  motionEnded(key: object): void {
    if (!this.moving.delete(key) || this.moving.size > 0 || this.open) return;
    this.cancelReopen();
    this.reopenTimer = this.timers.setTimeout(() => {
      this.reopenTimer = undefined;
      if (this.moving.size === 0) this.set(true, 'motion ended');
    }, this.tailMs);
  }

  /** Opens at once and forgets every motion (gating switched off, or shutdown). */
  release(reason: string): void {
    this.moving.clear();
    this.cancelReopen();
    if (!this.open) this.set(true, reason);
  }

  dispose(): void {
    this.moving.clear();
    this.cancelReopen();
  }

  private cancelReopen(): void {
    if (this.reopenTimer !== undefined) this.timers.clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
  }

  private set(open: boolean, reason: string): void {
    this.open = open;
    this.onChange(open, reason);
  }
}
