import type { AudioClip, AudioSink, PlaybackResult, PlayOptions } from './AudioSink.js';

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

  dispose(): void {
    // Holds nothing.
  }
}
