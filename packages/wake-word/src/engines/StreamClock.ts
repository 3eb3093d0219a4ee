import type { Time } from '@hearth/interfaces';

export function timeToMs(time: Time): number {
  return time.sec * 1000 + time.nanosec / 1e6;
}

/**
 * Maps an engine's stream time (ms of audio fed) back to clock time, from the stamp of the frame
 * being fed: audio_in stamps each frame with its capture time, so a detection's clock time is
 * exact whatever the delivery delay.
 */
export class StreamClock {
  private streamMs = 0;
  private frameStampMs = 0;
  private frameStreamMs = 0;

  /** Call before feeding a frame of `samples` samples at `sampleRate`. */
  frame(stamp: Time, samples: number, sampleRate: number): void {
    this.frameStampMs = timeToMs(stamp);
    this.frameStreamMs = this.streamMs;
    this.streamMs += (samples * 1000) / sampleRate;
  }

  toClockMs(streamMs: number): number {
    return this.frameStampMs + (streamMs - this.frameStreamMs);
  }

  reset(): void {
    this.streamMs = 0;
    this.frameStampMs = 0;
    this.frameStreamMs = 0;
  }
}
