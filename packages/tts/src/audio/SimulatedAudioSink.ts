import type { AudioClip, AudioSink, PlaybackResult, PlayOptions } from './AudioSink.js';

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

  /** Stops every clip still playing. */
  dispose(): void {
    for (const stop of [...this.active]) stop();
  }
}
