import { stripStopwords } from './stopwords.js';

export interface UtteranceFitOptions {
  /** Tokens available for the history. */
  readonly budget: number;
  /** The newest utterances that keep their stopwords (stopwords strategy); default 2. */
  readonly keepRecent?: number;
  /** Template tokens each utterance costs besides its text (role markers); default 0. */
  readonly overheadPerUtterance?: number;
}

export interface UtteranceFit {
  /** Newest utterances that fit whole, as written. */
  readonly window: number;
  /** Newest utterances that fit when all but the newest `keepRecent` lose their stopwords. */
  readonly stopwords: number;
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
  const fit = (strip: boolean): number => {
    let used = 0;
    let count = 0;
    for (let i = utterances.length - 1; i >= 0; i -= 1) {
      const age = utterances.length - 1 - i;
      const raw = utterances[i] ?? '';
      const text = strip && age >= keepRecent ? stripStopwords(raw) : raw;
      used += countTokens(text) + overhead;
      if (used > options.budget) break;
      count += 1;
    }
    return count;
  };
  return { window: fit(false), stopwords: fit(true) };
}
