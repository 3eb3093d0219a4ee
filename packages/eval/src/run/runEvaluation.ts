import { basename } from 'node:path';
import { splitStrategyTag, canonicalStrategy } from '../data/strategyTag.js';
import type { EvalDataset, EvalExample } from '../data/types.js';
import { PredictionsError } from '../errors/PredictionsError.js';
import { compressHistory } from '../history/compressHistory.js';
import { scoreReplies, type MetricSummary } from '../metrics/scoreReplies.js';
import type { EvalModel, GenerationSettings } from '../model/EvalModel.js';
import type { QualityScores } from '../quality/scoreQuality.js';
import { Checkpoint, type CheckpointRecord } from './Checkpoint.js';
import { Progress } from './Progress.js';

/** How a system sees the history: whole, or with stopwords removed (the thesis' ablation). */
export type HistoryMode = 'full' | 'compressed';

export interface SystemResult {
  readonly name: string;
  readonly history: HistoryMode | 'given';
  readonly metrics: MetricSummary;
  readonly records: readonly CheckpointRecord[];
  /** Embedding similarity and LLM-judge ratings, when measured (see scoreQuality). */
  readonly quality?: QualityScores;
}

export interface ModelRun {
  readonly model: EvalModel;
  /** A label for reports, e.g. the model file's name. */
  readonly name: string;
  readonly systemPrompt: string;
  readonly settings: GenerationSettings;
  readonly histories: readonly HistoryMode[];
  /** Also score the gold reply's perplexity. Defaults to true. */
  readonly perplexity?: boolean;
  /**
   * Newest turns that keep their stopwords in the `compressed` mode: the llm node's
   * `keep_recent_turns`, 2 by default as on the robot.
   */
  readonly keepRecentTurns?: number;
}

export interface EvaluationOptions {
  readonly dataset: EvalDataset;
  readonly outDir: string;
  readonly limit?: number;
  readonly predictionsFile?: string;
  readonly predictions?: ReadonlyMap<number, string>;
  readonly modelRun?: ModelRun;
  readonly progress?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Settings that identify the run in its checkpoint. */
  readonly fingerprint: unknown;
  /** An open checkpoint to use; a model run opens one in `outDir` when none is given. */
  readonly checkpoint?: Checkpoint;
  /** The predictions' system name in reports; default the file's name. */
  readonly predictionsName?: string;
}

function tagged(reply: string): { text: string; strategy: string } {
  const split = splitStrategyTag(reply);
  return { text: split.text, strategy: canonicalStrategy(split.label) };
}

/** Scores replies produced elsewhere against the gold replies; every example needs one. */
function scorePredictions(
  examples: readonly EvalExample[],
  predictions: ReadonlyMap<number, string>,
  file: string,
  name: string,
): SystemResult {
  const records = examples.map((example): CheckpointRecord => {
    const reply = predictions.get(example.id);
    if (reply === undefined) {
      throw new PredictionsError(
        file,
        undefined,
        `it has no reply for example id ${example.id}; give one per example or use --limit.`,
      );
    }
    const { text, strategy } = tagged(reply);
    return {
      system: name,
      id: example.id,
      gold: example.gold,
      goldStrategy: example.goldStrategy,
      reply: text,
      predictedStrategy: strategy,
      contextUtterances: example.context.length,
    };
  });
  return { name, history: 'given', metrics: scoreReplies(records), records };
}

/** Generates (and scores the gold perplexity of) every example under one history mode. */
async function runModel(
  examples: readonly EvalExample[],
  run: ModelRun,
  history: HistoryMode,
  checkpoint: Checkpoint,
  stream: NodeJS.WritableStream & { isTTY?: boolean },
): Promise<SystemResult> {
  const name = `${run.name} (${history === 'full' ? 'full history' : 'stopwords removed'})`;
  const pending = examples.filter((example) => checkpoint.get(name, example.id) === undefined);
  const progress = new Progress(name, examples.length, examples.length - pending.length, stream);
  for (const example of pending) {
    const context =
      history === 'compressed'
        ? compressHistory(example.context, run.keepRecentTurns)
        : example.context;
    const generated = await run.model.generate(run.systemPrompt, context, run.settings);
    const likelihood =
      run.perplexity === false
        ? undefined
        : await run.model.goldLikelihood(run.systemPrompt, context, example.gold);
    const { text, strategy } = tagged(generated.text);
    await checkpoint.add({
      system: name,
      id: example.id,
      gold: example.gold,
      goldStrategy: example.goldStrategy,
      reply: text,
      predictedStrategy: strategy,
      seconds: generated.seconds,
      generatedTokens: generated.generatedTokens,
      promptTokens: generated.promptTokens,
      contextUtterances: context.length,
      ...(likelihood ? { goldNll: likelihood.nll, goldTokens: likelihood.tokens } : {}),
    });
    progress.tick();
  }
  const records = examples.flatMap((example) => checkpoint.get(name, example.id) ?? []);
  return { name, history, metrics: scoreReplies(records), records };
}

/**
 * Runs an evaluation: scores a predictions file, or generates with a model under each history
 * mode, resuming from the checkpoint in `outDir`. Returns one result per system.
 */
export async function runEvaluation(options: EvaluationOptions): Promise<SystemResult[]> {
  const examples =
    options.limit === undefined
      ? options.dataset.examples
      : options.dataset.examples.slice(0, options.limit);
  const results: SystemResult[] = [];
  if (options.predictions && options.predictionsFile) {
    const file = options.predictionsFile;
    const name = options.predictionsName ?? basename(file);
    results.push(scorePredictions(examples, options.predictions, file, name));
  }
  if (options.modelRun) {
    const checkpoint =
      options.checkpoint ?? (await Checkpoint.open(options.outDir, options.fingerprint));
    for (const history of options.modelRun.histories) {
      results.push(
        await runModel(
          examples,
          options.modelRun,
          history,
          checkpoint,
          options.progress ?? process.stderr,
        ),
      );
    }
  }
  return results;
}
