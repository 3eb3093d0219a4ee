/**
 * What to feed espeak-ng so its phoneme output can be matched to the text's words, and how to
 * read that output back.
 *
 * espeak-ng's `--ipa` output follows its own word groups, not the text's: `I am` becomes one
 * group and `42` two. Written one word per clause (each followed by a line holding only `.`),
 * espeak-ng ends a clause after every word and writes each on a line of its own, so line N is
 * text word N. The cost is that words are pronounced as if alone (no linking across words),
 * which changes a phoneme here and there but not the mouth shapes that matter for lip-sync.
 */

/** Separator espeak-ng puts between phonemes with `--sep=_`. */
export const PHONEME_SEPARATOR = '_';

/** The input for one espeak-ng run that phonemizes `words` one clause each. */
export function phonemizerInput(words: readonly string[]): string {
  return words.map((word) => `${word}\n.\n`).join('');
}

/**
 * espeak-ng's `-q --ipa --sep=_` output, one entry per non-empty line, each the line's phonemes
 * (a word read as several, such as `42`, gives the phonemes of all of them).
 */
export function parsePhonemeLines(output: string): string[][] {
  return output
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(/\s+/u)
        .flatMap((group) => group.split(PHONEME_SEPARATOR))
        .filter((phoneme) => phoneme.length > 0),
    )
    .filter((phonemes) => phonemes.length > 0);
}
