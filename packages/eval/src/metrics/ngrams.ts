/** The n-grams of a token list, each joined with a space, with their counts. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** How many of the hypothesis' n-grams the reference has, each clipped to the reference's count. */
export function clippedOverlap(
  hypothesis: ReadonlyMap<string, number>,
  reference: ReadonlyMap<string, number>,
): number {
  let overlap = 0;
  for (const [gram, count] of hypothesis) overlap += Math.min(count, reference.get(gram) ?? 0);
  return overlap;
}

/** Total n-grams in a count map. */
export function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}
