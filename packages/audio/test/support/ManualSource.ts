import { Listeners, type Disposable } from '@hearth/graph';
import type { AudioSource, AudioSourceEnd, PcmAudio } from '../../src/index.js';

/** An audio source the test drives: each `play` delivers a clip in 30 ms chunks, yielding between. */
export class ManualSource implements AudioSource {
  readonly name = 'manual';
  private readonly samples = new Listeners<Int16Array>();
  private readonly ends = new Listeners<AudioSourceEnd>();

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): void {}

  async play(clip: PcmAudio): Promise<void> {
    for (let at = 0; at < clip.samples.length; at += 480) {
      this.samples.emit(clip.samples.slice(at, at + 480));
      // The in-process bus delivers on setImmediate; a best-effort subscriber keeps 5 frames.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  end(): void {
    this.ends.emit({});
  }

  onSamples(listener: (samples: Int16Array) => void): Disposable {
    return this.samples.add(listener);
  }

  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    this.samples.clear();
    this.ends.clear();
  }
}
