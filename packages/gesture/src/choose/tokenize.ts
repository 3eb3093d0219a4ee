const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Lower-case words of `text`, punctuation dropped, for whole-word cue matching. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) {
    if (part.isWordLike) words.push(part.segment.toLocaleLowerCase());
  }
  return words;
}

/** Where `phrase` (tokenized words) first occurs among `words`, as a word index; -1 when not. */
export function phraseIndex(words: readonly string[], phrase: readonly string[]): number {
  for (let start = 0; start + phrase.length <= words.length; start++)
    if (phrase.every((word, i) => words[start + i] === word)) return start;
  return -1;
}
