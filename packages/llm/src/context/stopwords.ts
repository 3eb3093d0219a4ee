import { createRequire } from 'node:module';

// `stopword` is CommonJS and ships no type declarations; this is the one list Hearth reads.
const stopword = createRequire(import.meta.url)('stopword') as { readonly eng: readonly string[] };

/**
 * The English stopword list of the `stopword` package (function words such as "the", "and",
 * "because"), the kind of list the thesis removed from older turns to fit more of them.
 */
const englishStopwords: ReadonlySet<string> = new Set(stopword.eng.map((w) => w.toLowerCase()));

/** A word with its attached punctuation: "I'm", "day," and "well-being." are one word each. */
const wordPattern = /\S+/g;

/**
 * Removes stopwords from a text, keeping every other word and its punctuation in order. A word
 * is a stopword when its letters (apostrophes kept, surrounding punctuation removed) are on the
 * list, case-insensitively. A text made only of stopwords becomes ''.
 */
export function stripStopwords(text: string): string {
  const kept: string[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
    if (bare === '' || !englishStopwords.has(bare)) kept.push(word);
  }
  return kept.join(' ');
}

/** Whether a word is on the English stopword list (case-insensitive). */
export function isStopword(word: string): boolean {
  return englishStopwords.has(word.toLowerCase());
}
