import type { EvalExample } from '../data/types.js';
import { meanOf } from '../metrics/rouge.js';
import type { Checkpoint, CheckpointRecord, QualityKey } from '../run/Checkpoint.js';
import { Progress } from '../run/Progress.js';
import type { SystemResult } from '../run/runEvaluation.js';
import type { EmbeddingScorer } from './EmbeddingScorer.js';
import { JudgeError, type Judge } from './Judge.js';
import { JudgeCriteria, type JudgeCriterion, type JudgeScores } from './judgeRubric.js';

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
  /** An EmbeddingScorer (or anything that scores like one). */
  readonly embedder?: Pick<EmbeddingScorer, 'modelPath' | 'similarity'>;
  readonly judge?: Judge;
  /** Most replies per system the judge rates (judging is slow). */
  readonly judgeLimit: number;
  readonly progress?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where scores are kept as they are computed, so an interrupted run does not redo them. */
  readonly checkpoint?: Checkpoint;
}

/** Embedding similarity and LLM-judge ratings of each system's replies. */
export async function scoreQuality(
  results: readonly SystemResult[],
  options: QualityOptions,
): Promise<SystemResult[]> {
  const scored: SystemResult[] = [];
  for (const result of results) {
    const embeddingSimilarity = options.embedder
      ? await embeddingSimilarityOf(result, options.embedder, options)
      : null;
    const judge = options.judge ? await judgeSummaryOf(result, options.judge, options) : null;
    scored.push({ ...result, quality: { embeddingSimilarity, judge } });
  }
  return scored;
}

/** Mean similarity of each reply to its gold reply, in percent; checkpointed one by one. */
async function embeddingSimilarityOf(
  result: SystemResult,
  embedder: NonNullable<QualityOptions['embedder']>,
  options: QualityOptions,
): Promise<number> {
  const keyOf = (record: CheckpointRecord): QualityKey => ({
    kind: 'embedding',
    scorer: embedder.modelPath,
    system: result.name,
    id: record.id,
    // The score depends on both texts.
    reply: `${record.reply}\u0000${record.gold}`,
  });
  const saved = result.records.map((record) => {
    const value = options.checkpoint?.getQuality(keyOf(record));
    return value?.kind === 'embedding' ? value.similarity : undefined;
  });
  const done = saved.filter((value) => value !== undefined).length;
  const progress = new Progress(
    `${result.name}: embeddings`,
    result.records.length,
    done,
    options.progress,
  );
  const similarities: number[] = [];
  for (const [index, record] of result.records.entries()) {
    let similarity = saved[index];
    if (similarity === undefined) {
      similarity = await embedder.similarity(record.reply, record.gold);
      await options.checkpoint?.addQuality(keyOf(record), { kind: 'embedding', similarity });
      progress.tick();
    }
    similarities.push(similarity);
  }
  return meanOf(similarities) * 100;
}

/** The judge's mean ratings of the first `judgeLimit` replies; checkpointed one by one. */
async function judgeSummaryOf(
  result: SystemResult,
  judge: Judge,
  options: QualityOptions,
): Promise<JudgeSummary> {
  const contexts = new Map(options.examples.map((e) => [e.id, e.context]));
  const records = result.records.slice(0, options.judgeLimit);
  const keyOf = (record: CheckpointRecord): QualityKey => ({
    kind: 'judge',
    scorer: judge.name,
    system: result.name,
    id: record.id,
    reply: record.reply,
  });
  const saved = records.map((record) => {
    const value = options.checkpoint?.getQuality(keyOf(record));
    return value?.kind === 'judge' ? value : undefined;
  });
  const done = saved.filter((value) => value !== undefined).length;
  const progress = new Progress(`${result.name}: judge`, records.length, done, options.progress);
  const ratings: JudgeScores[] = [];
  let failed = 0;
  for (const [index, record] of records.entries()) {
    let scores = saved[index]?.scores;
    if (scores === undefined) {
      try {
        scores = { ...(await judge.rate(contexts.get(record.id) ?? [], record.reply)) };
      } catch (error) {
        // A judge that cannot be reached stops the run (and is asked again on resume); one
        // odd answer is left out, and stays out when the run resumes.
        if (error instanceof JudgeError) throw error;
        scores = null;
      }
      await options.checkpoint?.addQuality(keyOf(record), { kind: 'judge', scores });
      progress.tick();
    }
    if (scores) ratings.push(scores);
    else failed += 1;
  }
  const means = Object.fromEntries(
    JudgeCriteria.map((c) => [c, meanOf(ratings.map((r) => r[c]))]),
  ) as Record<JudgeCriterion, number>;
  return { judge: judge.name, rated: ratings.length, failed, means };
}
