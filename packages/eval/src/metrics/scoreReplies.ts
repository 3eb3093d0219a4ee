import { corpusBleu } from './bleu.js';
import { distinctN } from './distinct.js';
import { meanOf, rougeL, rougeN } from './rouge.js';
import { strategyScores } from './strategyScores.js';
import { wordTokens } from './wordTokens.js';

/** One example's outcome: the gold reply and what the system said. */
export interface ScoredReply {
  readonly id: number;
  readonly gold: string;
  readonly goldStrategy: string;
  /** The reply with its strategy tag removed. */
  readonly reply: string;
  /** The strategy the reply was tagged with, canonical ('' when untagged). */
  readonly predictedStrategy: string;
  /** Wall time to produce the reply, when generated here. */
  readonly seconds?: number;
  readonly generatedTokens?: number;
  /** Gold-reply negative log-likelihood (nats, summed over its tokens) and its token count. */
  readonly goldNll?: number;
  readonly goldTokens?: number;
}

/**
 * The metrics of one system on one set. Overlap and diversity scores are percentages (0..100),
 * as ESConv papers print them; perplexity and speeds are null when nothing measured them.
 */
export interface MetricSummary {
  readonly examples: number;
  readonly bleu2: number;
  readonly bleu4: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly distinct1: number;
  readonly distinct2: number;
  readonly meanReplyLength: number;
  readonly meanGoldLength: number;
  readonly strategyAccuracy: number | null;
  readonly strategyMacroF1: number | null;
  readonly strategyScored: number;
  /** exp(total NLL / total gold tokens) over the whole set. */
  readonly perplexity: number | null;
  readonly perplexityTokens: number;
  readonly secondsPerReply: number | null;
  /** Total generated tokens / total generation seconds. */
  readonly tokensPerSecond: number | null;
}

const percent = (fraction: number): number => fraction * 100;

/** Perplexity per token over a whole set: exp(sum of NLL / sum of tokens), not a mean of PPLs. */
export function corpusPerplexity(
  items: readonly { readonly goldNll?: number; readonly goldTokens?: number }[],
): { perplexity: number | null; tokens: number } {
  let nll = 0;
  let tokens = 0;
  for (const item of items) {
    if (item.goldNll === undefined || item.goldTokens === undefined) continue;
    nll += item.goldNll;
    tokens += item.goldTokens;
  }
  return { perplexity: tokens === 0 ? null : Math.exp(nll / tokens), tokens };
}

/** Scores a set of replies against their gold replies. */
export function scoreReplies(replies: readonly ScoredReply[]): MetricSummary {
  const hypotheses = replies.map((reply) => wordTokens(reply.reply));
  const references = replies.map((reply) => wordTokens(reply.gold));
  const tagged = replies.some((reply) => reply.predictedStrategy !== '');
  const strategies = strategyScores(
    replies.map((reply) => ({ gold: reply.goldStrategy, predicted: reply.predictedStrategy })),
  );
  const timed = replies.filter((reply) => reply.seconds !== undefined);
  const seconds = timed.reduce((sum, reply) => sum + (reply.seconds ?? 0), 0);
  const generated = timed.reduce((sum, reply) => sum + (reply.generatedTokens ?? 0), 0);
  const { perplexity, tokens } = corpusPerplexity(replies);
  return {
    examples: replies.length,
    bleu2: percent(corpusBleu(hypotheses, references, 2)),
    bleu4: percent(corpusBleu(hypotheses, references, 4)),
    rouge2: percent(meanOf(hypotheses.map((h, i) => rougeN(h, references[i] ?? [], 2)))),
    rougeL: percent(meanOf(hypotheses.map((h, i) => rougeL(h, references[i] ?? [])))),
    distinct1: percent(distinctN(hypotheses, 1)),
    distinct2: percent(distinctN(hypotheses, 2)),
    meanReplyLength: meanOf(hypotheses.map((h) => h.length)),
    meanGoldLength: meanOf(references.map((r) => r.length)),
    // Without any tag in the replies there is no strategy prediction to score.
    strategyAccuracy: tagged ? percent(strategies.accuracy) : null,
    strategyMacroF1: tagged ? percent(strategies.macroF1) : null,
    strategyScored: tagged ? strategies.count : 0,
    perplexity,
    perplexityTokens: tokens,
    secondsPerReply: timed.length === 0 ? null : seconds / timed.length,
    tokensPerSecond: timed.length === 0 || seconds === 0 ? null : generated / seconds,
  };
}
