import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readGgufFile, type ModelShapeName } from '@hearth/gguf';
import { LlamaEngine, defaultPersonaPrompt, physicalCoreCount } from '@hearth/llm';
import { summarizeGguf } from '@hearth/models';
import type { BenchReport, BenchSettings, TurnTiming } from './benchTypes.js';
import { replyForHistory, utterance } from './conversation.js';
import { DirectLlama, type HistoryTurn } from './directLlama.js';
import { ensureShapeModel } from './ensureShapeModel.js';
import { measureBandwidth } from './measureBandwidth.js';
import { measureThreadScaling } from './measureThreadScaling.js';
import { medianTiming } from './median.js';

export interface RunBenchOptions {
  readonly settings: BenchSettings;
  /** Where the shape model is cached. */
  readonly modelsDir: string;
  readonly log: (line: string) => void;
}

function timingOf(turn: number, result: Omit<TurnTiming, 'turn'>): TurnTiming {
  return {
    turn,
    firstTokenMs: result.firstTokenMs,
    promptTokensEvaluated: result.promptTokensEvaluated,
    generatedTokens: result.generatedTokens,
    tokensPerSecond: result.tokensPerSecond,
    totalMs: result.totalMs,
  };
}

/** Greedy, fixed length: both sides of every comparison do exactly the same work. */
function sampling(maxTokens: number) {
  return { temperature: 0, maxTokens, seed: 1 };
}

/**
 * Runs the benchmarks on one shape model, in this order so they disturb each other least:
 * memory bandwidth, pure decoding, Hearth's overhead (alternating direct and Hearth turns), then
 * a whole conversation on Hearth's engine and fresh-session turns at turn 1 and the last turn.
 */
export async function runBench(options: RunBenchOptions): Promise<BenchReport> {
  const { settings, log } = options;
  const startedAt = new Date();
  const start = performance.now();
  const loadBefore = loadavg()[0] ?? 0;

  const model = await ensureShapeModel(
    options.modelsDir,
    settings.shape as ModelShapeName,
    settings.quantization as 'Q4_0' | 'Q8_0',
    log,
  );
  const summary = summarizeGguf(await readGgufFile(model.path));

  log(`Measuring memory bandwidth with ${settings.threads} thread(s) ...`);
  const bandwidth = await measureBandwidth(
    settings.threads,
    settings.quick ? 256 << 20 : 512 << 20,
  );
  const limit = bandwidth.bytesPerSecond / summary.tensorBytes;

  const direct = await DirectLlama.load(model.path, settings.threads);
  let engine: LlamaEngine | undefined;
  try {
    log(`Decoding ${settings.decodeTokens} tokens with node-llama-cpp directly, 3 times ...`);
    await direct.decodeTokensPerSecond(4); // warm the page cache and the thread pool
    // The best of three: on a shared machine the least disturbed run is the machine's speed.
    let decodeTokensPerSecond = 0;
    for (let run = 0; run < 3; run += 1) {
      const speed = await direct.decodeTokensPerSecond(settings.decodeTokens);
      decodeTokensPerSecond = Math.max(decodeTokensPerSecond, speed);
    }

    // The thread-scaling models are loaded one at a time; the main one is not needed meanwhile.
    const threadCounts = settings.threadCounts ?? [];
    const scaling =
      threadCounts.length === 0
        ? undefined
        : {
            decodeTokens: settings.decodeTokens,
            promptTokens: settings.quick ? 64 : 256,
            points: await measureThreadScaling({
              modelPath: model.path,
              threadCounts,
              decodeTokens: settings.decodeTokens,
              promptTokens: settings.quick ? 64 : 256,
              runs: settings.quick ? 1 : 3,
              log,
            }),
          };

    engine = await LlamaEngine.load({
      modelPath: model.path,
      threads: settings.threads,
      contextSize: settings.contextSize,
      maxSessions: 2,
    });

    log(`Comparing one turn, Hearth vs node-llama-cpp, ${settings.repetitions} time(s) each ...`);
    const directTurns: TurnTiming[] = [];
    const hearthTurns: TurnTiming[] = [];
    for (let repetition = 0; repetition < settings.repetitions; repetition += 1) {
      const text = utterance(0);
      directTurns.push({
        turn: 1,
        ...(await direct.freshTurn(
          defaultPersonaPrompt,
          [],
          text,
          settings.maxTokensPerTurn,
          settings.contextSize,
        )),
      });
      const result = await engine.generate(
        { sessionId: `overhead-${repetition}`, userText: text },
        { sampling: sampling(settings.maxTokensPerTurn) },
      );
      await engine.endSession(`overhead-${repetition}`);
      hearthTurns.push(timingOf(1, result));
    }
    const directMedian = medianTiming(directTurns);
    const hearthMedian = medianTiming(hearthTurns);

    log(`A ${settings.turns}-turn conversation on Hearth's engine (one KV cache) ...`);
    const conversation: TurnTiming[] = [];
    const history: HistoryTurn[] = [];
    let firstStrategy: string | undefined;
    for (let turn = 1; turn <= settings.turns; turn += 1) {
      const text = utterance(turn - 1);
      const result = await engine.generate(
        { sessionId: 'conversation', userText: text },
        { sampling: sampling(settings.maxTokensPerTurn) },
      );
      conversation.push(timingOf(turn, result));
      history.push({ user: text, model: replyForHistory(result.reply) });
      const strategy: string = result.contextStrategy;
      if (turn > 1 && strategy !== firstStrategy) {
        log(`  turn ${turn}: the history was fitted into the context by ${strategy}`);
      }
      firstStrategy ??= strategy;
    }
    await engine.dispose();
    engine = undefined;

    log('Fresh sessions (no KV reuse) at the first and last turn ...');
    const fresh: TurnTiming[] = [];
    for (const turn of new Set([1, settings.turns])) {
      const timing = await direct.freshTurn(
        defaultPersonaPrompt,
        history.slice(0, turn - 1),
        utterance(turn - 1),
        settings.maxTokensPerTurn,
        settings.contextSize,
      );
      fresh.push({ turn, ...timing });
    }
    const lastHearth = conversation[conversation.length - 1];
    const lastFresh = fresh[fresh.length - 1];

    return {
      version: 1,
      startedAt: startedAt.toISOString(),
      durationSeconds: (performance.now() - start) / 1000,
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        logicalCpus: cpus().length,
        physicalCores: physicalCoreCount(),
        memoryBytes: totalmem(),
        platform: `${process.platform} ${process.arch}`,
        node: process.version,
        loadAverage: [loadBefore, loadavg()[0] ?? 0],
      },
      settings,
      model: {
        file: model.path,
        architecture: summary.architecture,
        parameters: summary.parameters,
        tensorBytes: summary.tensorBytes,
        fileSize: summary.fileSize,
        generatedSeconds: model.generatedSeconds,
      },
      bandwidth,
      decode: {
        tokens: settings.decodeTokens,
        tokensPerSecond: decodeTokensPerSecond,
        limitTokensPerSecond: limit,
        ratioToLimit: decodeTokensPerSecond / limit,
      },
      ...(scaling ? { threadScaling: scaling } : {}),
      firstToken: {
        hearthTurns: conversation,
        freshSessionTurns: fresh,
        lastTurn: settings.turns,
        reuseSpeedupAtLastTurn:
          lastHearth && lastFresh ? lastFresh.firstTokenMs / lastHearth.firstTokenMs : Number.NaN,
      },
      overhead: {
        repetitions: settings.repetitions,
        direct: directMedian,
        hearth: hearthMedian,
        directRuns: directTurns,
        hearthRuns: hearthTurns,
        firstTokenRatio: hearthMedian.firstTokenMs / directMedian.firstTokenMs,
        totalRatio: hearthMedian.totalMs / directMedian.totalMs,
        tokensPerSecondRatio: hearthMedian.tokensPerSecond / directMedian.tokensPerSecond,
      },
    };
  } finally {
    await engine?.dispose();
    await direct.dispose();
  }
}
