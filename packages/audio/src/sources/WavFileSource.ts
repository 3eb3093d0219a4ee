import { Listeners, type Disposable } from '@hearth/graph';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { readWavFile } from '../wav/readWav.js';
import type { AudioSource, AudioSourceEnd } from './AudioSource.js';

export interface WavFileSourceOptions {
  readonly path: string;
  /** Samples per chunk (audio_in's frame). */
  readonly chunkSamples: number;
  /**
   * true: chunks come at the pace of a microphone (replays, demos). false: as fast as the
   * subscribers take them, yielding to the event loop after each chunk (tests, batch runs).
   */
  readonly realtime: boolean;
  /** Convert a WAV file that is not 16 kHz mono 16-bit (default true). */
  readonly convert?: boolean;
  readonly onListenerError?: (error: unknown) => void;
}

/** Plays a WAV file into the graph as if a microphone heard it. */
export class WavFileSource implements AudioSource {
  readonly name = 'file';
  private readonly samples: Listeners<Int16Array>;
  private readonly ends: Listeners<AudioSourceEnd>;
  private running = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WavFileSourceOptions) {
    this.samples = new Listeners(options.onListenerError);
    this.ends = new Listeners(options.onListenerError);
  }

  async start(): Promise<void> {
    const audio = await readWavFile(this.options.path, { convert: this.options.convert ?? true });
    this.running = true;
    if (this.options.realtime) this.playRealtime(audio.samples);
    else void this.playFast(audio.samples);
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  onSamples(listener: (samples: Int16Array) => void): Disposable {
    return this.samples.add(listener);
  }

  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    this.stop();
    this.samples.clear();
    this.ends.clear();
  }

  private async playFast(all: Int16Array): Promise<void> {
    const size = this.options.chunkSamples;
    for (let at = 0; at < all.length && this.running; at += size) {
      this.samples.emit(all.slice(at, at + size));
      // The in-process transport delivers on setImmediate; yielding after each chunk lets a
      // best-effort subscriber (queue depth 5) take every frame instead of losing the oldest.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.finish();
  }

  private playRealtime(all: Int16Array): void {
    const size = this.options.chunkSamples;
    const started = performance.now();
    let at = 0;
    const periodMs = (size * 1000) / HEARTH_SAMPLE_RATE;
    // Catch up by sample count, not by ticks, so timer jitter does not slow the replay down.
    const tick = (): void => {
      const due = Math.floor(((performance.now() - started) * HEARTH_SAMPLE_RATE) / 1000);
      while (this.running && at < all.length && Math.min(at + size, all.length) <= due) {
        this.samples.emit(all.slice(at, at + size));
        at += size;
      }
      if (at >= all.length) this.finish();
    };
    this.timer = setInterval(tick, Math.max(5, periodMs / 2));
    tick();
  }

  private finish(): void {
    if (!this.running) return;
    this.stop();
    this.ends.emit({});
  }
}
