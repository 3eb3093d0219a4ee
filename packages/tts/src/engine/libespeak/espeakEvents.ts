/** A word-boundary or phoneme event from libespeak-ng's synth callback, as the worker sends it. */
export interface EspeakEvent {
  /** 1: word boundary, 7: phoneme (espeak_EVENT_TYPE). */
  readonly type: typeof ESPEAK_EVENT_WORD | typeof ESPEAK_EVENT_PHONEME;
  /** 1-based position of the word in the text, in characters (code points). */
  readonly textPosition: number;
  /** The word's length in characters (0 for phonemes). */
  readonly length: number;
  /** When it starts in the audio, ms. */
  readonly audioMs: number;
  /** Phonemes: their IPA (`''` for a pause); words: `''`. */
  readonly name: string;
}

export const ESPEAK_EVENT_WORD = 1;
export const ESPEAK_EVENT_PHONEME = 7;

/** What the worker returns for one synthesis. */
export interface EspeakRawSynthesis {
  readonly sampleRate: number;
  readonly samples: Int16Array;
  readonly events: readonly EspeakEvent[];
}
