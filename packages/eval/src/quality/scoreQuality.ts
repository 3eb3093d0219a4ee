import type { EvalExample } from '../data/types.js';
import { meanOf } from '../metrics/rouge.js';
import { Progress } from '../run/Progress.js';
import type { SystemResult } from '../run/runEvaluation.js';
import type { EmbeddingScorer } from './EmbeddingScorer.js';
import { JudgeError, type Judge } from './Judge.js';
import { JudgeCriteria, type JudgeCriterion } from './judgeRubric.js';

export interface JudgeSummary {
  readonly judge: string;
  /** Replies rated (the first `judgeLimit` of the set). */
  readonly rated: number;
  /** Replies whose rating failed and were left out. */
  readonly failed: number;
  /** Mean score per criterion, 0..10. */
  readonly means: Readonly<Record<JudgeCriterion, number>>;
}

export interface QualityScores {
  /** Mean cosine similarity of reply and gold embeddings, in percent; null when not measured. */
  readonly embeddingSimilarity: number | null;
  readonly judge: JudgeSummary | null;
}

export interface QualityOptions {
  readonly examples: readonly EvalExample[];
  readonly embedder?: EmbeddingScorer;
  readonly judge?: Judge;
  /** Most replies per system the judge rates (judging is slow). */
  readonly judgeLimit: number;
  readonly progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Embedding similarity and LLM-judge ratings of each system's replies. */
export async function scoreQuality(
  results: readonly SystemResult[],
  options: QualityOptions,
): Promise<SystemResult[]> {
  const contexts = new Map(options.examples.map((e) => [e.id, e.context]));
  const scored: SystemResult[] = [];
  for (const result of results) {
    let embeddingSimilarity: number | null = null;
    if (options.embedder) {
      const progress = new Progress(
        `${result.name}: embeddings`,
        result.records.length,
        0,
        options.progress,
      );
      const similarities: number[] = [];
      for (const record of result.records) {
        similarities.push(await options.embedder.similarity(record.reply, record.gold));
        progress.tick();
      }
      embeddingSimilarity = meanOf(similarities) * 100;
    }
    let judge: JudgeSummary | null = null;
    if (options.judge) {
      const records = result.records.slice(0, options.judgeLimit);
      const progress = new Progress(`${result.name}: judge`, records.length, 0, options.progress);
      const ratings: Record<JudgeCriterion, number>[] = [];
      let failed = 0;
      for (const record of records) {
        try {
          ratings.push({
            ...(await options.judge.rate(contexts.get(record.id) ?? [], record.reply)),
          });
        } catch (error) {
          // A judge that cannot be reached stops the run; one odd answer is left out.
          if (error instanceof JudgeError) throw error;
          failed += 1;
        }
        progress.tick();
      }
      const means = Object.fromEntries(
        JudgeCriteria.map((c) => [c, meanOf(ratings.map((r) => r[c]))]),
      ) as Record<JudgeCriterion, number>;
      judge = { judge: options.judge.name, rated: ratings.length, failed, means };
    }
    scored.push({ ...result, quality: { embeddingSimilarity, judge } });
  }
  return scored;
}
