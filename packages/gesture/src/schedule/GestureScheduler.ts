import type { TimerHandle, Timers } from '@hearth/graph';

/** A gesture asked for, with what the scheduler needs to decide when it may play. */
export interface GestureRequest<T> {
  readonly name: string;
  /** Higher interrupts lower on shared joints; equal or lower waits. */
  readonly priority: number;
  /**
   * The resources it occupies: joint names, or a layer such as `face`. Requests with no
   * resource in common never affect each other, so lip-sync and gaze play over arm gestures.
   */
  readonly joints: readonly string[];
  readonly durationMs: number;
  /** Plays until interrupted or cancelled, and resumes after an interruption. */
  readonly loop: boolean;
  /** How long it may wait for busy joints; 0 drops it at once when they are busy. */
  readonly maxWaitMs: number;
  /** Whatever the caller needs back when it starts (e.g. the command to publish). */
  readonly payload: T;
  /**
   * Whether it may also interrupt a playing gesture of equal priority (e.g. a new sentence's
   * gesture replaces the previous sentence's, which speech has left behind). Absent: never.
   */
  readonly supersedes?: (playing: GestureRequest<T>) => boolean;
}

export type DropReason = 'busy' | 'expired' | 'cancelled';

export type SchedulerEvent<T> =
  | { readonly kind: 'started'; readonly request: GestureRequest<T>; readonly atMs: number }
  | { readonly kind: 'finished'; readonly request: GestureRequest<T>; readonly atMs: number }
  | {
      readonly kind: 'interrupted';
      readonly request: GestureRequest<T>;
      readonly by: GestureRequest<T> | undefined;
      readonly atMs: number;
    }
  | {
      readonly kind: 'dropped';
      readonly request: GestureRequest<T>;
      readonly reason: DropReason;
      readonly atMs: number;
    };

export type RequestOutcome = 'started' | 'queued' | 'dropped';

interface Playing<T> {
  readonly request: GestureRequest<T>;
  readonly startedAtMs: number;
  /** The end of a one-shot gesture; replaced when `retime` gives its real length. */
  timer: TimerHandle | undefined;
}

interface Waiting<T> {
  readonly request: GestureRequest<T>;
  readonly sequence: number;
  readonly timer: TimerHandle | undefined;
}

/**
 * Decides which gestures play, so that layers never fight. Each gesture occupies its joints;
 * gestures on different joints play together. A new gesture on busy joints interrupts the ones
 * there when its priority is higher than all of theirs (or equal, where it `supersedes` them),
 * and otherwise waits (up to its `maxWaitMs`) until they finish. An interrupted looping gesture (idle breathing) resumes once
 * its joints are free again. Time comes from injected timers, so it is tested with a fake clock.
 */
export class GestureScheduler<T> {
  private readonly playing: Playing<T>[] = [];
  private waiting: Waiting<T>[] = [];
  private sequence = 0;
  private disposed = false;

  constructor(
    private readonly timers: Timers,
    private readonly listener: (event: SchedulerEvent<T>) => void,
  ) {}

  /** What is playing now, oldest first. */
  get active(): readonly GestureRequest<T>[] {
    return this.playing.map((entry) => entry.request);
  }

  /** What waits for its joints, in the order it will be tried. */
  get queued(): readonly GestureRequest<T>[] {
    return this.waiting.map((entry) => entry.request);
  }

  /** Asks for a gesture: it starts now, waits for its joints, or is dropped. */
  request(request: GestureRequest<T>): RequestOutcome {
    if (this.disposed) return 'dropped';
    if (this.tryStart(request)) return 'started';
    if (request.maxWaitMs <= 0) {
      this.emit({ kind: 'dropped', request, reason: 'busy', atMs: this.timers.nowMs() });
      return 'dropped';
    }
    this.enqueue(request, request.maxWaitMs);
    return 'queued';
  }

  /** Stops (or un-queues) every gesture `match` selects, e.g. a state's postures on leaving it. */
  cancel(match: (request: GestureRequest<T>) => boolean): void {
    const now = this.timers.nowMs();
    for (const entry of this.waiting.filter((candidate) => match(candidate.request))) {
      this.removeWaiting(entry);
      this.emit({ kind: 'dropped', request: entry.request, reason: 'cancelled', atMs: now });
    }
    const stopped = this.playing.filter((entry) => match(entry.request));
    for (const entry of stopped) {
      this.removePlaying(entry);
      this.emit({ kind: 'interrupted', request: entry.request, by: undefined, atMs: now });
    }
    if (stopped.length > 0) this.pump();
  }

  /**
   * Gives a playing one-shot gesture its real length, counted from its start: the motion planned
   * when it started (an approach stretched to the velocity limits) may outlast the authored
   * `durationMs`, and its end (and the mic gate's reopening) must wait for the motion.
   */
  retime(request: GestureRequest<T>, durationMs: number): void {
    const entry = this.playing.find((candidate) => candidate.request === request);
    if (!entry || request.loop) return;
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    const leftMs = Math.max(0, entry.startedAtMs + durationMs - this.timers.nowMs());
    entry.timer = this.timers.setTimeout(() => this.finish(request), leftMs);
  }

  /** Forgets everything without events, and ignores later requests. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.playing.splice(0))
      if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    for (const entry of this.waiting.splice(0))
      if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
  }

  private conflicts(request: GestureRequest<T>): Playing<T>[] {
    return this.playing.filter((entry) =>
      entry.request.joints.some((joint) => request.joints.includes(joint)),
    );
  }

  /**
   * Whether `request` may start now: its joints are free, or held only by lower priorities and
   * by equal ones it supersedes.
   */
  private canStart(request: GestureRequest<T>): boolean {
    return this.conflicts(request).every(
      (entry) =>
        entry.request.priority < request.priority ||
        (entry.request.priority === request.priority &&
          request.supersedes?.(entry.request) === true),
    );
  }

  /** Starts `request` if it may, interrupting the lower gestures on its joints. */
  private tryStart(request: GestureRequest<T>): boolean {
    if (!this.canStart(request)) return false;
    const now = this.timers.nowMs();
    for (const entry of this.conflicts(request)) {
      this.removePlaying(entry);
      this.emit({ kind: 'interrupted', request: entry.request, by: request, atMs: now });
      // Idle motions come back when the gesture that interrupted them is over.
      if (entry.request.loop) this.enqueue(entry.request, Infinity);
    }
    const timer = request.loop
      ? undefined
      : this.timers.setTimeout(() => this.finish(request), request.durationMs);
    this.playing.push({ request, startedAtMs: now, timer });
    this.emit({ kind: 'started', request, atMs: now });
    return true;
  }

  private finish(request: GestureRequest<T>): void {
    const entry = this.playing.find((candidate) => candidate.request === request);
    if (!entry) return;
    this.removePlaying(entry);
    this.emit({ kind: 'finished', request, atMs: this.timers.nowMs() });
    this.pump();
  }

  /** Starts what waited and can now play: highest priority first, then in arrival order. */
  private pump(): void {
    for (const entry of [...this.waiting]) {
      if (!this.waiting.includes(entry)) continue;
      // A waiting gesture may not jump ahead of a higher one that waits for the same joints.
      const ahead = this.waiting.slice(0, this.waiting.indexOf(entry));
      const blocked = ahead.some((other) =>
        other.request.joints.some((joint) => entry.request.joints.includes(joint)),
      );
      if (blocked || !this.canStart(entry.request)) continue;
      this.removeWaiting(entry);
      this.tryStart(entry.request);
    }
  }

  private enqueue(request: GestureRequest<T>, maxWaitMs: number): void {
    const entry: Waiting<T> = {
      request,
      sequence: this.sequence++,
      timer: Number.isFinite(maxWaitMs)
        ? this.timers.setTimeout(() => this.expire(request), maxWaitMs)
        : undefined,
    };
    this.insertWaiting(entry);
  }

  private insertWaiting(entry: Waiting<T>): void {
    this.waiting.push(entry);
    this.waiting.sort((a, b) => b.request.priority - a.request.priority || a.sequence - b.sequence);
  }

  private expire(request: GestureRequest<T>): void {
    const entry = this.waiting.find((candidate) => candidate.request === request);
    if (!entry) return;
    this.waiting = this.waiting.filter((candidate) => candidate !== entry);
    this.emit({ kind: 'dropped', request, reason: 'expired', atMs: this.timers.nowMs() });
  }

  private removePlaying(entry: Playing<T>): void {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    this.playing.splice(this.playing.indexOf(entry), 1);
  }

  private removeWaiting(entry: Waiting<T>): void {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    this.waiting = this.waiting.filter((candidate) => candidate !== entry);
  }

  private emit(event: SchedulerEvent<T>): void {
    this.listener(event);
  }
}
