const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Lower-case words of `text`, punctuation dropped, for whole-word cue matching. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) {
    if (part.isWordLike) words.push(part.segment.toLocaleLowerCase());
  }
  return words;
}
