import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readGgufFile, type ModelShapeName } from '@hearth/gguf';
import {
  LlamaEngine,
  WorkerEngine,
  availableMemoryBytes,
  defaultMemoryMarginBytes,
  defaultPersonaPrompt,
  physicalCoreCount,
  resolveWorkerEntry,
  type WorkerEngineOptions,
} from '@hearth/llm';
import { summarizeGguf } from '@hearth/models';
import type { BenchReport, BenchSettings, TurnTiming } from './benchTypes.js';
import { replyForHistory, utterance } from './conversation.js';
import { bytesReadPerToken } from './bytesReadPerToken.js';
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
  /** A GGUF to measure instead of the shape model (the smoke test's tiny model). */
  readonly modelPath?: string;
  /** Bytes of the bandwidth buffer; default 512 MiB (256 MiB with quick). */
  readonly bandwidthBufferBytes?: number;
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

  const model =
    options.modelPath === undefined
      ? await ensureShapeModel(
          options.modelsDir,
          settings.shape as ModelShapeName,
          settings.quantization as 'Q4_0' | 'Q8_0',
          log,
        )
      : { path: options.modelPath, generatedSeconds: null };
  const info = await readGgufFile(model.path);
  const summary = summarizeGguf(info);
  const bytesPerToken = bytesReadPerToken(info.tensors);

  log(`Measuring memory bandwidth with ${settings.threads} thread(s) ...`);
  const bandwidth = await measureBandwidth(
    settings.threads,
    options.bandwidthBufferBytes ?? (settings.quick ? 256 << 20 : 512 << 20),
  );
  const limit = bandwidth.bytesPerSecond / bytesPerToken;

  const direct = await DirectLlama.load(model.path, settings.threads);
  let engine: LlamaEngine | undefined;
  /** One fresh turn on node-llama-cpp directly, the reference each Hearth side is timed against. */
  const directTurn = async (): Promise<TurnTiming> => ({
    turn: 1,
    ...(await direct.freshTurn(
      defaultPersonaPrompt,
      [],
      utterance(0),
      settings.maxTokensPerTurn,
      settings.contextSize,
    )),
  });
  /** One fresh turn of a Hearth engine (its session ended afterwards). */
  const hearthTurn = async (
    hearth: LlamaEngine | WorkerEngine,
    sessionId: string,
  ): Promise<TurnTiming> => {
    const result = await hearth.generate(
      { sessionId, userText: utterance(0) },
      { sampling: sampling(settings.maxTokensPerTurn) },
    );
    await hearth.endSession(sessionId);
    return timingOf(1, result);
  };
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

    const engineOptions = {
      modelPath: model.path,
      threads: settings.threads,
      contextSize: settings.contextSize,
      maxSessions: 2,
    };
    // At most two copies of the model are loaded at once: node-llama-cpp's (kept to the end,
    // for the fresh sessions) and one Hearth side. The inline engine alternates with direct
    // turns, serves the conversation and is disposed; then the worker process alternates with
    // direct turns of its own, so each ratio compares turns taken side by side.
    engine = await LlamaEngine.load(engineOptions);

    log(`Comparing one turn, Hearth vs node-llama-cpp, ${settings.repetitions} time(s) each ...`);
    const directTurns: TurnTiming[] = [];
    const hearthTurns: TurnTiming[] = [];
    for (let repetition = 0; repetition < settings.repetitions; repetition += 1) {
      directTurns.push(await directTurn());
      hearthTurns.push(await hearthTurn(engine, `overhead-${repetition}`));
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

    const workerProcess = await measureWorkerSide(
      engineOptions,
      settings.repetitions,
      summary.fileSize,
      directTurn,
      hearthTurn,
      log,
    );

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
        bytesReadPerToken: bytesPerToken,
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
        ...(workerProcess === undefined ? {} : { workerProcess }),
      },
    };
  } finally {
    await engine?.dispose();
    await direct.dispose();
  }
}

type WorkerSide = NonNullable<BenchReport['overhead']['workerProcess']>;

/**
 * The llm node's default (model_process: child): Hearth's WorkerEngine, the model in a worker
 * process, every turn's request and sentences over IPC; its turns alternate with direct turns
 * taken now, which its ratios are against. Skipped (undefined) when the worker is not built, or
 * when free memory cannot hold one more copy of the model beside node-llama-cpp's.
 */
async function measureWorkerSide(
  engineOptions: Omit<WorkerEngineOptions, 'entry'>,
  repetitions: number,
  modelBytes: number,
  directTurn: () => Promise<TurnTiming>,
  hearthTurn: (worker: WorkerEngine, sessionId: string) => Promise<TurnTiming>,
  log: (line: string) => void,
): Promise<WorkerSide | undefined> {
  const entry = resolveWorkerEntry();
  if (!entry) {
    log('The model worker is not built (run `pnpm build`): skipping the worker-process side.');
    return undefined;
  }
  const free = availableMemoryBytes();
  if (free < modelBytes + defaultMemoryMarginBytes) {
    log(
      `Only ${Math.round(free / 2 ** 20)} MiB free, too little for the model ` +
        `(${Math.round(modelBytes / 2 ** 20)} MiB) in a worker process as well: skipping the ` +
        'worker-process side. Close other programs or bench a smaller shape.',
    );
    return undefined;
  }
  log(`Comparing one turn, Hearth's worker process vs node-llama-cpp, ${repetitions} time(s) ...`);
  const worker = await WorkerEngine.start({ ...engineOptions, entry });
  try {
    const directTurns: TurnTiming[] = [];
    const runs: TurnTiming[] = [];
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      directTurns.push(await directTurn());
      runs.push(await hearthTurn(worker, `worker-${repetition}`));
    }
    const direct = medianTiming(directTurns);
    const median = medianTiming(runs);
    return {
      median,
      runs,
      direct,
      firstTokenRatio: median.firstTokenMs / direct.firstTokenMs,
      totalRatio: median.totalMs / direct.totalMs,
      tokensPerSecondRatio: median.tokensPerSecond / direct.tokensPerSecond,
    };
  } finally {
    await worker.dispose();
  }
}
