import { clippedOverlap, ngramCounts, total } from './ngrams.js';

/** F1 from overlap and the two lengths; 0 when either side is empty or nothing overlaps. */
function f1(overlap: number, hypothesisCount: number, referenceCount: number): number {
  if (overlap === 0 || hypothesisCount === 0 || referenceCount === 0) return 0;
  const precision = overlap / hypothesisCount;
  const recall = overlap / referenceCount;
  return (2 * precision * recall) / (precision + recall);
}

/** ROUGE-N F1 (Lin 2004) of one hypothesis against one reference, on token lists. */
export function rougeN(
  hypothesis: readonly string[],
  reference: readonly string[],
  n: number,
): number {
  const hypothesisGrams = ngramCounts(hypothesis, n);
  const referenceGrams = ngramCounts(reference, n);
  return f1(
    clippedOverlap(hypothesisGrams, referenceGrams),
    total(hypothesisGrams),
    total(referenceGrams),
  );
}

/** Length of the longest common subsequence of two token lists (O(n·m) time, O(m) memory). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    b.forEach((tokenB, j) => {
      current[j + 1] =
        tokenA === tokenB
          ? (previous[j] ?? 0) + 1
          : Math.max(previous[j + 1] ?? 0, current[j] ?? 0);
    });
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * ROUGE-L F1: precision LCS/|hypothesis|, recall LCS/|reference|, balanced (beta = 1). Some
 * ESConv papers use nlg-eval's ROUGE_L, which weights recall with beta = 1.2; the brief for
 * Hearth is F1, and the report says so next to the published numbers.
 */
export function rougeL(hypothesis: readonly string[], reference: readonly string[]): number {
  return f1(lcsLength(hypothesis, reference), hypothesis.length, reference.length);
}

/** The mean of a per-example score over a corpus (ROUGE is averaged per example). */
export function meanOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
