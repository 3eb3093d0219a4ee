import type { TurnTiming } from './benchTypes.js';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Field-by-field median of repeated measurements of the same turn. */
export function medianTiming(timings: readonly TurnTiming[]): TurnTiming {
  const of = (key: keyof TurnTiming) => median(timings.map((timing) => timing[key]));
  return {
    turn: timings[0]?.turn ?? 1,
    firstTokenMs: of('firstTokenMs'),
    promptTokensEvaluated: of('promptTokensEvaluated'),
    generatedTokens: of('generatedTokens'),
    tokensPerSecond: of('tokensPerSecond'),
    totalMs: of('totalMs'),
  };
}
