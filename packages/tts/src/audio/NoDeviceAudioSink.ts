import type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './AudioSink.js';
import { consumeAtOnce, fireAtOnce } from './unpacedPlayback.js';

/**
 * `audio_output: none`: no device and no pacing. Each clip "plays" at once: start, then every
 * mark in order, then the end. For runs without a speaker that only want the WAV files and the
 * events (`hearth chat`, batch synthesis), where waiting out the audio would only slow them.
 */
export class NoDeviceAudioSink implements AudioSink {
  play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult> {
    if (options.signal.aborted) return Promise.resolve({ completed: false, positionMs: 0 });
    fireAtOnce(options);
    return Promise.resolve({ completed: true, positionMs: clip.durationMs });
  }

  /** Starts on the first piece; each mark fires as soon as it is known; ends with the stream. */
  async playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult> {
    const outcome = await consumeAtOnce(clip, options);
    return { completed: outcome === 'ended', positionMs: clip.audio.receivedMs };
  }

  dispose(): void {
    // Holds nothing.
  }
}
