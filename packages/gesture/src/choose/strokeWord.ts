import { createRequire } from 'node:module';
import type { SentenceCue } from '../profile/GestureProfile.js';
import { endsWithCue } from './chooseGesture.js';
import { phraseIndex, tokenize } from './tokenize.js';

// `stopword` is CommonJS without type declarations; its English list tells function words
// ("I", "am", "the") from the content words a gesture's stroke goes with.
const stopword = createRequire(import.meta.url)('stopword') as { readonly eng: readonly string[] };
const functionWords: ReadonlySet<string> = new Set(stopword.eng.map((w) => w.toLowerCase()));

/** The word of a sentence that a gesture is timed to: its place among the sentence's words. */
export interface StrokeWord {
  /** 0-based index among `tokenize(sentence)`, the words tts reports one `word` event each. */
  readonly index: number;
  /** The word, lower-case, as `tokenize` gives it. */
  readonly word: string;
}

/**
 * The word a sentence's gesture goes with. For a cue the word that triggered it: the first word
 * of a matching `words` phrase (the wave on "hello"), or the last word for an `ends_with` cue
 * (the head tilt as the question ends). Otherwise the sentence's first content word (the first
 * one off the stopword list: "understand" in "I understand."), where speakers put the stroke of a
 * beat gesture; the first word when all are function words. Undefined for a sentence without
 * words.
 */
export function strokeWord(sentence: string, cue?: SentenceCue): StrokeWord | undefined {
  const words = tokenize(sentence);
  if (words.length === 0) return undefined;
  const at = (index: number): StrokeWord => ({ index, word: words[index] ?? '' });
  if (cue) {
    for (const phrase of cue.words) {
      const index = phraseIndex(words, phrase);
      if (index >= 0) return at(index);
    }
    if (endsWithCue(sentence, cue)) return at(words.length - 1);
  }
  const content = words.findIndex((word) => !functionWords.has(word));
  return at(content >= 0 ? content : 0);
}
