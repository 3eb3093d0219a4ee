/** How a message's audio joins the stream audio_in is publishing. */
export type TimelinePlacement =
  /** The next samples of the stream (stamp jitter within the tolerance is ignored). */
  | { readonly kind: 'continue' }
  /** Messages were lost: `gapMs` of silence goes first, so the stream stays sample-exact. */
  | { readonly kind: 'fill'; readonly gapMs: number }
  /** A new stream begins at `startMs` (the first message, a long pause, stamps that jumped). */
  | { readonly kind: 'restart'; readonly startMs: number; readonly reason: TimelineRestartReason };

export type TimelineRestartReason = 'first' | 'pause' | 'backwards';

export interface CaptureTimelineOptions {
  /** Stamped messages: stamp jitter absorbed without a fill or restart. */
  readonly stampToleranceMs?: number;
  /** Arrival-dated messages: delivery jitter is larger, so is the tolerance. */
  readonly arrivalToleranceMs?: number;
  /** Longest gap filled with silence; a longer one restarts the stream (the publisher paused). */
  readonly maxFillMs?: number;
}

/**
 * Keeps audio_in's frame stamps sample-exact while taking capture times from the messages: the
 * stream's time is its start plus the samples counted since, and each message's own time (its
 * stamp, or its arrival less its duration) is checked against it. Stamps that agree within a
 * tolerance change nothing (publishers stamp with a jittery `now()`); lost messages become
 * silence, so a recognizer that counts samples (Azure's push stream) stays in step with the
 * stamps; a long pause or stamps that jump back start a new stream.
 *
 * Arrival times cannot tell a lost message from late delivery, so arrival-dated audio is never
 * filled, only restarted after a long silence; and since a burst of queued messages arrives
 * "early", arrival-dated audio never restarts backwards either (stamps would run back).
 */
export class CaptureTimeline {
  private readonly stampToleranceMs: number;
  private readonly arrivalToleranceMs: number;
  private readonly maxFillMs: number;
  private startMs: number | undefined;
  private countedMs = 0;

  constructor(options: CaptureTimelineOptions = {}) {
    this.stampToleranceMs = options.stampToleranceMs ?? 40;
    this.arrivalToleranceMs = options.arrivalToleranceMs ?? 500;
    this.maxFillMs = options.maxFillMs ?? 2000;
  }

  /** Where audio captured from `startMs` goes; `stamped` false: `startMs` came from arrival. */
  place(startMs: number, stamped: boolean): TimelinePlacement {
    if (this.startMs === undefined) return this.restart(startMs, 'first');
    const offsetMs = startMs - (this.startMs + this.countedMs);
    const tolerance = stamped ? this.stampToleranceMs : this.arrivalToleranceMs;
    if (Math.abs(offsetMs) <= tolerance) return { kind: 'continue' };
    if (offsetMs < 0) {
      return stamped ? this.restart(startMs, 'backwards') : { kind: 'continue' };
    }
    if (stamped && offsetMs <= this.maxFillMs) return { kind: 'fill', gapMs: offsetMs };
    return this.restart(startMs, 'pause');
  }

  /** Counts `ms` of audio (a message's, or a fill) as part of the stream. */
  advance(ms: number): void {
    this.countedMs += ms;
  }

  /** The next message starts a new stream. */
  reset(): void {
    this.startMs = undefined;
    this.countedMs = 0;
  }

  private restart(startMs: number, reason: TimelineRestartReason): TimelinePlacement {
    this.startMs = startMs;
    this.countedMs = 0;
    return { kind: 'restart', startMs, reason };
  }
}
