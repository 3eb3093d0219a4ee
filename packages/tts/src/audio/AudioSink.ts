import type { PcmAudio } from '@hearth/audio';
import type { AudioStream } from './AudioStream.js';
import type { MarkFeed } from './MarkFeed.js';

/** One utterance to play. */
export interface AudioClip {
  readonly audio: PcmAudio;
  /** The WAV file holding the same audio (a device sink may play the file directly). */
  readonly path: string;
  readonly durationMs: number;
}

export interface PlayOptions {
  /** Stops playback at once; `play` then resolves with `completed: false`. */
  readonly signal: AbortSignal;
  /**
   * Offsets into the audio, in ms, at which `onMark` is called with the mark's index (word and
   * viseme events). The sink owns them because only it knows when audio really plays.
   */
  readonly marks?: readonly number[];
  readonly onMark?: (index: number) => void;
  /** Called once, when the first sample is really heard (not when playback was requested). */
  readonly onStart?: () => void;
}

/** An utterance still being synthesized: played as its audio arrives. */
export interface StreamedClip {
  readonly audio: AudioStream;
  /** The WAV file that will hold the whole audio once synthesis has finished. */
  readonly path: string;
}

export interface StreamPlayOptions extends Omit<PlayOptions, 'marks'> {
  /** Marks as they become known during synthesis; `onMark` gets their index in the feed. */
  readonly marks: MarkFeed;
}

export interface PlaybackResult {
  readonly completed: boolean;
  /** How far into the audio playback got, in ms. */
  readonly positionMs: number;
}

/**
 * Where the robot's voice goes. The simulator's sink waits for the audio's duration; issue 5's
 * audio_out sink plays it on the device (aplay) and reports when playback really starts.
 */
export interface AudioSink {
  play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult>;
  /**
   * Plays audio as it is synthesized (Azure streams it): starts on the first piece, ends when the
   * stream has ended and all of it was played, or at once on abort or when the stream fails.
   */
  playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult>;
  dispose(): void;
}
