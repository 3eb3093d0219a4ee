// Words (with inner apostrophes: "don't", "i'm") and single punctuation marks, lower-cased. This
// is close to the word tokenization that published ESConv numbers use (NLTK-style), and it is
// what BLEU, ROUGE, Distinct and reply length count.
const tokenPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Splits text into lower-cased word and punctuation tokens. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(tokenPattern) ?? [];
}
