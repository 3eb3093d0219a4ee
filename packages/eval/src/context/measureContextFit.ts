import { stripStopwords, utterancesThatFit } from '@hearth/llm';
import type { Dialogue } from '../data/types.js';

/** The llm node's context strategies, as the figures compare them. */
export const ContextStrategies = ['window', 'stopwords', 'summary'] as const;
export type ContextStrategyName = (typeof ContextStrategies)[number];

export interface ContextFitOptions {
  /** Context sizes (tokens) to measure, e.g. 256 to 4096. */
  readonly contextSizes: readonly number[];
  /** Tokens kept for the reply (the llm node's max_tokens): not available to history. */
  readonly replyTokens: number;
  /** Tokens of the system prompt, also not available to history. */
  readonly systemTokens: number;
  /** Template tokens per utterance besides its text (role markers). */
  readonly overheadPerUtterance: number;
  /** Newest utterances that keep their stopwords (the llm's keep_recent_turns, in utterances). */
  readonly keepRecent: number;
  /** Tokens of the summary that stands for evicted turns (summary strategy). */
  readonly summaryTokens: number;
}

export interface StrategyFit {
  /** Mean utterances kept word for word at a dialogue's end. */
  readonly mean: number;
  readonly median: number;
  /** Percent of dialogues kept whole. */
  readonly wholePercent: number;
}

export interface ContextFitRow {
  readonly contextSize: number;
  /** Tokens left for history: context minus reply, system prompt. */
  readonly budget: number;
  readonly strategies: Readonly<Record<ContextStrategyName, StrategyFit>>;
}

export interface ContextFit {
  readonly dialogues: number;
  readonly utterances: { readonly total: number; readonly mean: number; readonly median: number };
  /** Mean tokens per utterance as written (text only). */
  readonly tokensPerUtterance: number;
  /** Mean tokens per utterance with stopwords removed. */
  readonly tokensPerStrippedUtterance: number;
  readonly options: ContextFitOptions;
  readonly rows: readonly ContextFitRow[];
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * How many utterances of each dialogue, counted back from its end (where the history is
 * longest), each context strategy keeps in each context size: the thesis' figures 6.2 and 6.3,
 * measured with the llm node's own `utterancesThatFit`.
 */
export function measureContextFit(
  dialogues: readonly Dialogue[],
  countTokens: (text: string) => number,
  options: ContextFitOptions,
): ContextFit {
  // The same utterance is counted once per size and strategy: remember its tokens.
  const cache = new Map<string, number>();
  const count = (text: string): number => {
    let tokens = cache.get(text);
    if (tokens === undefined) {
      tokens = countTokens(text);
      cache.set(text, tokens);
    }
    return tokens;
  };
  const texts = dialogues.map((d) => d.utterances.map((u) => u.text));
  const all = texts.flat();
  const rows = options.contextSizes.map((contextSize): ContextFitRow => {
    const budget = Math.max(0, contextSize - options.replyTokens - options.systemTokens);
    const fits = texts.map((utterances) => ({
      length: utterances.length,
      fit: utterancesThatFit(utterances, count, {
        budget,
        keepRecent: options.keepRecent,
        overheadPerUtterance: options.overheadPerUtterance,
        summaryTokens: options.summaryTokens,
      }),
    }));
    const strategies = Object.fromEntries(
      ContextStrategies.map((strategy) => {
        const kept = fits.map((f) => f.fit[strategy]);
        const whole = fits.filter((f) => f.fit[strategy] === f.length).length;
        const summary: StrategyFit = {
          mean: mean(kept),
          median: median(kept),
          wholePercent: fits.length === 0 ? 0 : (100 * whole) / fits.length,
        };
        return [strategy, summary];
      }),
    ) as Record<ContextStrategyName, StrategyFit>;
    return { contextSize, budget, strategies };
  });
  const lengths = texts.map((t) => t.length);
  return {
    dialogues: dialogues.length,
    utterances: { total: all.length, mean: mean(lengths), median: median(lengths) },
    tokensPerUtterance: mean(all.map(count)),
    tokensPerStrippedUtterance: mean(all.map((t) => count(stripStopwords(t)))),
    options,
    rows,
  };
}
