import type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './AudioSink.js';
import { consumeStream } from './consumeStream.js';
import { MarkClock } from './MarkClock.js';

export interface SimulatedAudioSinkOptions {
  /**
   * How many times faster than real time to "play": 1 waits the audio's real duration, as the
   * robot would while speaking; tests use 20 or more. Read at the start of each clip so that a
   * parameter change applies to the next utterance.
   */
  readonly speed?: () => number;
}

/**
 * Plays nothing: waits for the clip's duration (scaled by `speed`) and fires its marks on time,
 * so the rest of the graph sees the same timing as on a robot.
 */
export class SimulatedAudioSink implements AudioSink {
  private readonly speed: () => number;
  private readonly active = new Set<() => void>();

  constructor(options: SimulatedAudioSinkOptions = {}) {
    this.speed = options.speed ?? (() => 1);
  }

  play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult> {
    const speed = Math.max(this.speed(), Number.EPSILON);
    const startedAt = performance.now();
    const positionMs = (): number =>
      Math.min(clip.durationMs, (performance.now() - startedAt) * speed);
    return new Promise((resolve) => {
      const timers: NodeJS.Timeout[] = [];
      const finish = (result: PlaybackResult): void => {
        for (const timer of timers) clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        this.active.delete(stop);
        resolve(result);
      };
      const stop = (): void => finish({ completed: false, positionMs: positionMs() });
      const onAbort = stop;
      if (options.signal.aborted) {
        resolve({ completed: false, positionMs: 0 });
        return;
      }
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.active.add(stop);
      options.onStart?.();
      (options.marks ?? []).forEach((offsetMs, index) => {
        timers.push(setTimeout(() => options.onMark?.(index), Math.max(0, offsetMs / speed)));
      });
      // Marks at the very end share the final timer's deadline; Node runs equal timers in order.
      timers.push(
        setTimeout(
          () => finish({ completed: true, positionMs: clip.durationMs }),
          clip.durationMs / speed,
        ),
      );
    });
  }

  /**
   * Starts "playing" on the first piece, fires marks on time from then as they become known,
   * and ends once the stream has ended and its whole duration has been waited out.
   */
  async playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult> {
    const speed = Math.max(this.speed(), Number.EPSILON);
    const stopping = new AbortController();
    const stop = (): void => stopping.abort();
    const signal = AbortSignal.any([options.signal, stopping.signal]);
    const clock = new MarkClock((index) => options.onMark?.(index), speed);
    const unsubscribe = options.marks.subscribe((index, offsetMs) => clock.add(index, offsetMs));
    const position = (): number => Math.min(clip.audio.receivedMs, clock.positionMs());
    this.active.add(stop);
    try {
      const outcome = await consumeStream(clip.audio, signal, () => {
        if (clock.started) return;
        clock.start();
        options.onStart?.();
      });
      if (outcome === 'aborted') return { completed: false, positionMs: position() };
      if (!clock.started) return { completed: true, positionMs: 0 };
      const left = (clip.audio.receivedMs - clock.positionMs()) / speed;
      const waited = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), Math.max(0, left));
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve(false);
          },
          { once: true },
        );
      });
      if (!waited) return { completed: false, positionMs: position() };
      clock.flush();
      return { completed: true, positionMs: clip.audio.receivedMs };
    } finally {
      clock.stop();
      unsubscribe();
      this.active.delete(stop);
    }
  }

  /** Stops every clip still playing. */
  dispose(): void {
    for (const stop of [...this.active]) stop();
  }
}
