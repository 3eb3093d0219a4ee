import type { Disposable } from '@hearth/graph';

/** Why a source stopped: the end of a file, or a failure (the recorder died). */
export interface AudioSourceEnd {
  readonly error?: Error;
}

/**
 * Receives samples in capture order. `restartAtMs`, when a source gives it, says that these
 * samples begin a new stream whose first sample was captured at that clock time (ms): audio_in
 * then dates its frames from it, and later chunks by their sample count. Sources without capture
 * times (a file, arecord) never give it, and audio_in dates their stream from its start.
 */
export type SamplesListener = (samples: Int16Array, restartAtMs?: number) => void;

/**
 * Where audio_in's samples come from: a WAV file, ALSA through arecord, a ROS audio topic.
 * 16 kHz mono 16-bit.
 */
export interface AudioSource extends Disposable {
  /** file, alsa or topic. */
  readonly name: string;
  /** Resolves once samples will flow; rejects with a typed error when capture cannot begin. */
  start(): Promise<void>;
  stop(): void;
  /** Samples in capture order, in chunks of any size. */
  onSamples(listener: SamplesListener): Disposable;
  onEnd(listener: (end: AudioSourceEnd) => void): Disposable;
}
