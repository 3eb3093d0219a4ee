import type { Disposable } from '@hearth/graph';
import { VoiceActivityType, type Time, type VoiceActivity } from '@hearth/interfaces';
import type { Vad, VadEvent, VadSegmentOptions } from '../vad/Vad.js';

export function timeFromMs(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

export interface VoiceActivityTrackerOptions {
  /** The detector; it may still be loading (Silero starts a worker). */
  readonly vad: Promise<Vad>;
  readonly publish: (activity: VoiceActivity) => void;
  /** Told once if the detector fails; the tracker then stops. */
  readonly onFailure: (error: unknown) => void;
}

/**
 * Runs audio_in's frames through the voice activity detector, one at a time and in order (the
 * Silero detector is asynchronous and recurrent), and turns its events into VoiceActivity
 * messages dated by the frames' capture stamps.
 */
export class VoiceActivityTracker implements Disposable {
  private queue: Promise<void> = Promise.resolve();
  /** Capture time of the detector's stream time 0: the first frame fed since the last reset. */
  private originMs: number | undefined;
  private segmentStartMs = 0;
  private failed = false;
  private disposed = false;

  constructor(private readonly options: VoiceActivityTrackerOptions) {}

  /** Feeds one frame whose first sample was captured at `stampMs` (clock ms). */
  feed(samples: Int16Array, stampMs: number): void {
    this.enqueue(async (vad) => {
      this.originMs ??= stampMs;
      for (const event of await vad.process(samples)) this.emit(event, vad);
    });
  }

  /**
   * The audio stops being heard (the microphone gate closed, or the source ended): a segment in
   * progress ends where speech was last heard, and detection starts afresh with the next frame.
   */
  interrupt(): void {
    this.enqueue((vad) => {
      for (const event of vad.flush()) this.emit(event, vad);
      vad.reset();
      this.originMs = undefined;
    });
  }

  configure(options: VadSegmentOptions): void {
    this.enqueue((vad) => vad.configure(options));
  }

  /** Resolves once every frame fed so far has been through the detector (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Stops after the frames already queued and releases the detector (Silero's worker). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.queue
      .then(() => this.options.vad)
      .then(
        (vad) => vad.dispose(),
        () => undefined,
      );
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private enqueue(step: (vad: Vad) => void | Promise<void>): void {
    if (this.disposed || this.failed) return;
    this.queue = this.queue
      .then(async () => {
        if (this.disposed || this.failed) return;
        await step(await this.options.vad);
      })
      .catch((error: unknown) => {
        // One report, not one per frame: a dead detector would otherwise flood the log.
        if (this.failed) return;
        this.failed = true;
        this.options.onFailure(error);
      });
  }

  private emit(event: VadEvent, vad: Vad): void {
    if (this.disposed) return;
    const atMs = (this.originMs ?? 0) + event.timeMs;
    if (event.kind === 'start') this.segmentStartMs = atMs;
    this.options.publish(
      VoiceActivityType.create({
        stamp: timeFromMs(atMs),
        event: event.kind,
        segment_start: timeFromMs(event.kind === 'start' ? atMs : this.segmentStartMs),
        probability: event.probability,
        detector: vad.name,
      }),
    );
  }
}
