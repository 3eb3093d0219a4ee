import { stripStopwords } from './stopwords.js';

export interface UtteranceFitOptions {
  /** Tokens available for the history. */
  readonly budget: number;
  /** The newest utterances that keep their stopwords (stopwords strategy); default 2. */
  readonly keepRecent?: number;
  /** Template tokens each utterance costs besides its text (role markers); default 0. */
  readonly overheadPerUtterance?: number;
  /**
   * Tokens the summary of evicted turns takes (summary strategy): the llm node's summaries are
   * at most 96 tokens, the default.
   */
  readonly summaryTokens?: number;
}

export interface UtteranceFit {
  /** Newest utterances that fit whole, as written. */
  readonly window: number;
  /** Newest utterances that fit when all but the newest `keepRecent` lose their stopwords. */
  readonly stopwords: number;
  /**
   * Newest utterances kept word for word under the summary strategy: all of them when the
   * dialogue fits, else those that fit beside the summary, which stands for all the others.
   */
  readonly summary: number;
}

/**
 * How many of a dialogue's utterances, counted back from the newest, fit in a token budget per
 * context strategy: the measure behind the thesis' figures 6.2 and 6.3. `countTokens` is the
 * model's tokenizer (or any stand-in); the function is otherwise pure.
 */
export function utterancesThatFit(
  utterances: readonly string[],
  countTokens: (text: string) => number,
  options: UtteranceFitOptions,
): UtteranceFit {
  const keepRecent = Math.max(0, options.keepRecent ?? 2);
  const overhead = options.overheadPerUtterance ?? 0;
  const fit = (strip: boolean, budget: number): number => {
    let used = 0;
    let count = 0;
    for (let i = utterances.length - 1; i >= 0; i -= 1) {
      const age = utterances.length - 1 - i;
      const raw = utterances[i] ?? '';
      const text = strip && age >= keepRecent ? stripStopwords(raw) : raw;
      used += countTokens(text) + overhead;
      if (used > budget) break;
      count += 1;
    }
    return count;
  };
  const window = fit(false, options.budget);
  const summaryTokens = Math.max(0, options.summaryTokens ?? 96);
  return {
    window,
    stopwords: fit(true, options.budget),
    // A summary is only written once turns are evicted: until then it is the window.
    summary:
      window === utterances.length
        ? window
        : fit(false, Math.max(0, options.budget - summaryTokens)),
  };
}
