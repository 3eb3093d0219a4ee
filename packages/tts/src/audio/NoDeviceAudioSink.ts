import type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './AudioSink.js';
import { consumeStream } from './consumeStream.js';

/**
 * `audio_output: none`: no device and no pacing. Each clip "plays" at once: start, then every
 * mark in order, then the end. For runs without a speaker that only want the WAV files and the
 * events (`hearth chat`, batch synthesis), where waiting out the audio would only slow them.
 */
export class NoDeviceAudioSink implements AudioSink {
  play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult> {
    if (options.signal.aborted) return Promise.resolve({ completed: false, positionMs: 0 });
    options.onStart?.();
    (options.marks ?? []).forEach((_, index) => options.onMark?.(index));
    return Promise.resolve({ completed: true, positionMs: clip.durationMs });
  }

  /** Starts on the first piece; each mark fires as soon as it is known; ends with the stream. */
  async playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult> {
    let started = false;
    const known: number[] = [];
    const fire = (index: number): void => {
      if (started) options.onMark?.(index);
      else known.push(index);
    };
    const unsubscribe = options.marks.subscribe((index) => fire(index));
    try {
      const outcome = await consumeStream(clip.audio, options.signal, () => {
        if (started) return;
        started = true;
        options.onStart?.();
        for (const index of known.splice(0)) options.onMark?.(index);
      });
      return { completed: outcome === 'ended', positionMs: clip.audio.receivedMs };
    } finally {
      unsubscribe();
    }
  }

  dispose(): void {
    // Holds nothing.
  }
}
