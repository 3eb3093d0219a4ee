import type { Disposable } from '@hearth/graph';

/** Why a source stopped: the end of a file, or a failure (the recorder died). */
export interface AudioSourceEnd {
  readonly error?: Error;
}

/** Where audio_in's samples come from: a WAV file, ALSA through arecord. 16 kHz mono 16-bit. */
export interface AudioSource extends Disposable {
  /** file or alsa. */
  readonly name: string;
  /** Resolves once samples will flow; rejects with a typed error when capture cannot begin. */
  start(): Promise<void>;
  stop(): void;
  /** Samples in capture order, in chunks of any size. */
  onSamples(listener: (samples: Int16Array) => void): Disposable;
  onEnd(listener: (end: AudioSourceEnd) => void): Disposable;
}
