import { ngramCounts } from './ngrams.js';

/**
 * Distinct-n (Li et al. 2016) over a whole set of replies: distinct n-grams divided by all
 * n-grams, counted across every reply together. 0 when there are no n-grams.
 */
export function distinctN(replies: readonly (readonly string[])[], n: number): number {
  const seen = new Set<string>();
  let all = 0;
  for (const reply of replies) {
    for (const [gram, count] of ngramCounts(reply, n)) {
      seen.add(gram);
      all += count;
    }
  }
  return all === 0 ? 0 : seen.size / all;
}
