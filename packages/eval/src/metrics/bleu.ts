import { clippedOverlap, ngramCounts, total } from './ngrams.js';

/**
 * Corpus BLEU (Papineni et al. 2002) with one reference per hypothesis, uniform weights over
 * 1..maxOrder: the clipped n-gram matches and the hypothesis n-grams are summed over the whole
 * corpus before dividing, the precisions are combined by their geometric mean, and the brevity
 * penalty exp(1 - r/c) applies when the corpus' hypotheses are shorter than its references.
 * No smoothing (NLTK's corpus_bleu default): if some order has no match at all the score is 0.
 * Over hundreds of replies every order up to 4 has matches, so smoothing would change nothing
 * there, and leaving it out keeps the number comparable with published corpus scores.
 * Inputs are token lists; the result is a fraction in [0, 1].
 */
export function corpusBleu(
  hypotheses: readonly (readonly string[])[],
  references: readonly (readonly string[])[],
  maxOrder: number,
): number {
  if (hypotheses.length !== references.length) {
    throw new RangeError(
      `corpusBleu: ${hypotheses.length} hypotheses but ${references.length} references.`,
    );
  }
  const matches = new Array<number>(maxOrder).fill(0);
  const possible = new Array<number>(maxOrder).fill(0);
  let hypothesisLength = 0;
  let referenceLength = 0;
  hypotheses.forEach((hypothesis, index) => {
    const reference = references[index] ?? [];
    hypothesisLength += hypothesis.length;
    referenceLength += reference.length;
    for (let n = 1; n <= maxOrder; n += 1) {
      const hypothesisGrams = ngramCounts(hypothesis, n);
      matches[n - 1] =
        (matches[n - 1] ?? 0) + clippedOverlap(hypothesisGrams, ngramCounts(reference, n));
      possible[n - 1] = (possible[n - 1] ?? 0) + total(hypothesisGrams);
    }
  });
  if (hypothesisLength === 0) return 0;
  let logSum = 0;
  for (let n = 0; n < maxOrder; n += 1) {
    const matched = matches[n] ?? 0;
    const count = possible[n] ?? 0;
    if (matched === 0 || count === 0) return 0;
    logSum += Math.log(matched / count) / maxOrder;
  }
  const brevity =
    hypothesisLength >= referenceLength ? 1 : Math.exp(1 - referenceLength / hypothesisLength);
  return brevity * Math.exp(logSum);
}
