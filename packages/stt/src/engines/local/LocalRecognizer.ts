import type { Disposable } from '@hearth/graph';

/** One hypothesis from a local recognizer. */
export interface LocalRecognizerResult {
  readonly text: string;
  /** true once the recognizer has ended the utterance (endpoint); false for a partial. */
  readonly isFinal: boolean;
  /** 0 to 1, where the recognizer gives one. */
  readonly confidence?: number;
}

/** Opens a recognizer for the given language and expected phrases (hotwords, where supported). */
export interface LocalRecognizerSettings {
  readonly language: string;
  readonly phrases: readonly string[];
}

/**
 * What an on-device recognizer must implement to run in the stt node (the `local` engine), with
 * a model the user supplies (sherpa-onnx, Vosk, whisper.cpp: see README.md):
 *
 * - stream frames in: `acceptAudio` gets each 16 kHz mono 16-bit frame as it arrives (about
 *   20-32 ms), in order; it must not block (queue or hand the work to another thread/process);
 * - partial and final results out: `onResult` listeners get partials while the person speaks
 *   and one final per utterance;
 * - endpointing: the recognizer ends utterances on its own (trailing silence), and `endpoint()`
 *   asks it to end the current one now (the stt node calls it when voice activity ends);
 * - failures: `onFailure` listeners hear of a crash or a lost model; the engine then restarts
 *   the recognizer with backoff;
 * - `start` loads the model (may take seconds), `stop` and `dispose` free it.
 */
export interface LocalRecognizer extends Disposable {
  /** For logs: e.g. the command it runs. */
  readonly description: string;
  start(settings: LocalRecognizerSettings): Promise<void>;
  acceptAudio(samples: Int16Array): void;
  endpoint(): void;
  onResult(listener: (result: LocalRecognizerResult) => void): Disposable;
  onFailure(listener: (error: Error) => void): Disposable;
  stop(): Promise<void>;
}
