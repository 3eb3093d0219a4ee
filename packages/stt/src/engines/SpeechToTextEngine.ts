import type { Disposable, GraphNode } from '@hearth/graph';

/** One recognition result, partial (`isFinal` false) or final. */
export interface RecognizedSpeech {
  readonly text: string;
  readonly isFinal: boolean;
  /** 0 to 1. */
  readonly confidence: number;
  /** BCP-47, e.g. en-US. */
  readonly language: string;
}

export type TranscriptListener = (speech: RecognizedSpeech) => void;

/**
 * A speech-to-text engine: the simulator's typed text, Azure, or a local recognizer; the last two
 * read the 16 kHz mono frames on the audio topic through `context.node`.
 */
export interface SpeechToTextEngine extends Disposable {
  /** Written into Transcript.source: typed, azure, local. */
  readonly source: string;
  /** Begins recognizing; results go to the onTranscript listeners. */
  start(): void | Promise<void>;
  /** Stops recognizing; nothing is reported until the next start. */
  stop(): void | Promise<void>;
  onTranscript(listener: TranscriptListener): Disposable;
}

/** What an engine gets from the stt node. */
export interface SttEngineContext {
  readonly node: GraphNode;
  /** The current `language` parameter. */
  readonly language: () => string;
  /**
   * Words the recognizer should expect (the robot's name, the person's names), from the
   * `robot_name` and `person_names` parameters. Optional so hand-made contexts stay valid.
   */
  readonly phrases?: () => readonly string[];
}

export type SttEngineFactory = (context: SttEngineContext) => SpeechToTextEngine;
