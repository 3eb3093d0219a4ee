import { createRequire } from 'node:module';

// `stopword` is CommonJS and ships no type declarations; this is the one list Hearth reads.
const stopword = createRequire(import.meta.url)('stopword') as { readonly eng: readonly string[] };

/**
 * Words that turn a sentence into its opposite. They are never removed, whatever the list says:
 * "I never feel safe" stripped to "feel safe" would tell the model the reverse of what the
 * person said. Words ending in n't (or n’t) are negations too (see isNegation).
 */
export const negationWords: ReadonlySet<string> = new Set([
  'no',
  'not',
  'nor',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'cannot',
  'without',
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'shouldnt',
  'wouldnt',
  'couldnt',
  'mustnt',
  'aint',
]);

/** Whether a bare, lower-case word negates: on negationWords or a contraction ending in n't. */
export function isNegation(word: string): boolean {
  const lower = word.toLowerCase();
  return negationWords.has(lower) || /n['’]t$/.test(lower);
}

/**
 * The English stopword list of the `stopword` package (function words such as "the", "and",
 * "because"), the kind of list the thesis removed from older turns to fit more of them, less
 * every negation (the package lists "never").
 */
const englishStopwords: ReadonlySet<string> = new Set(
  stopword.eng.map((w) => w.toLowerCase()).filter((w) => !isNegation(w)),
);

/** A word with its attached punctuation: "I'm", "day," and "well-being." are one word each. */
const wordPattern = /\S+/g;

/**
 * Removes stopwords from a text, keeping every other word and its punctuation in order. A word
 * is a stopword when its letters (apostrophes kept, surrounding punctuation removed) are on the
 * list, case-insensitively. Negations always stay. A text made only of stopwords becomes ''.
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

/** Whether a word is on the English stopword list (case-insensitive); negations never are. */
export function isStopword(word: string): boolean {
  return englishStopwords.has(word.toLowerCase());
}
