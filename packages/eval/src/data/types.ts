/** Who said an utterance. The gold reply is always the supporter's. */
export type Speaker = 'seeker' | 'supporter';

export interface Utterance {
  readonly speaker: Speaker;
  /** The text with any strategy tag removed. */
  readonly text: string;
  /** The supporter's strategy label as the dataset spells it ('' when none). */
  readonly strategy: string;
}

/** One whole conversation (full ESConv JSON, ExTES). */
export interface Dialogue {
  /** Stable within its file: the conversation's 0-based index. */
  readonly id: string;
  /** The seeker's situation as the dataset states it ('' when absent). */
  readonly situation: string;
  readonly utterances: readonly Utterance[];
}

/** One scored item: a context and the supporter's gold reply. */
export interface EvalExample {
  /** 0-based line number in a short-split file; running index for dialogue files. */
  readonly id: number;
  /** The conversation it comes from ('' when the format does not say). */
  readonly dialogueId: string;
  readonly context: readonly Utterance[];
  /** The gold supporter reply, strategy tag stripped. */
  readonly gold: string;
  /** The gold strategy, canonical when known ('' when untagged). */
  readonly goldStrategy: string;
}

/** A dataset read for evaluation, with what was left out and why. */
export interface EvalDataset {
  readonly file: string;
  readonly format: 'esconv-short' | 'esconv-json' | 'extes-json';
  readonly examples: readonly EvalExample[];
  /** Lines or turns skipped, e.g. whose last utterance was not the supporter's. */
  readonly skipped: readonly { readonly where: string; readonly reason: string }[];
}
