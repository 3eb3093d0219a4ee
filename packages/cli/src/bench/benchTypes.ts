import type { BandwidthResult } from './measureBandwidth.js';

/** One chat turn's timings, as Hearth's engine or a fresh node-llama-cpp session measured it. */
export interface TurnTiming {
  readonly turn: number;
  readonly firstTokenMs: number;
  /** Prompt tokens evaluated for this turn (the rest came from the KV cache). */
  readonly promptTokensEvaluated: number;
  readonly generatedTokens: number;
  readonly tokensPerSecond: number;
  readonly totalMs: number;
}

/** node-llama-cpp's speed at one thread count (see measureThreadScaling). */
export interface ThreadScalingPoint {
  readonly threads: number;
  readonly decodeTokensPerSecond: number;
  /** Prompt evaluation (prefill) speed: compute-bound. */
  readonly promptTokensPerSecond: number;
  /** ÷ the same measure at the fewest threads measured (1 by default). */
  readonly decodeRatio: number;
  readonly promptRatio: number;
}

export interface BenchSettings {
  readonly shape: string;
  readonly quantization: string;
  readonly threads: number;
  readonly turns: number;
  readonly maxTokensPerTurn: number;
  readonly decodeTokens: number;
  readonly repetitions: number;
  readonly contextSize: number;
  readonly quick: boolean;
  /** Thread counts compared by the thread-scaling bench, fewest first ([] skips it). */
  readonly threadCounts?: readonly number[];
}

export interface BenchReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: {
    readonly cpu: string;
    readonly logicalCpus: number;
    readonly physicalCores: number;
    readonly memoryBytes: number;
    readonly platform: string;
    readonly node: string;
    /** Other load on the machine during the run (1-minute load average at the start and end). */
    readonly loadAverage: readonly [number, number];
  };
  readonly settings: BenchSettings;
  readonly model: {
    readonly file: string;
    readonly architecture: string;
    readonly parameters: number;
    /** Bytes of all tensors. */
    readonly tensorBytes: number;
    /**
     * What decoding one token reads from memory: all tensors but one embedding row, or the whole
     * embedding when the output projection is tied to it (bytesReadPerToken).
     */
    readonly bytesReadPerToken: number;
    readonly fileSize: number;
    /** Seconds spent generating the shape model, or null when a cached one was reused. */
    readonly generatedSeconds: number | null;
  };
  readonly bandwidth: BandwidthResult;
  readonly decode: {
    readonly tokens: number;
    readonly tokensPerSecond: number;
    /** bandwidth / bytesReadPerToken: the most tokens per second memory allows. */
    readonly limitTokensPerSecond: number;
    readonly ratioToLimit: number;
  };
  readonly firstToken: {
    /** Every turn of Hearth's session (one KV cache reused across turns). */
    readonly hearthTurns: readonly TurnTiming[];
    /** A fresh node-llama-cpp session given the whole history, at turn 1 and the last turn. */
    readonly freshSessionTurns: readonly TurnTiming[];
    readonly lastTurn: number;
    /** Fresh-session time to first token at the last turn divided by Hearth's. */
    readonly reuseSpeedupAtLastTurn: number;
  };
  /** Decode and prompt speed per thread count, as ratios to the fewest (absent when skipped). */
  readonly threadScaling?: {
    readonly decodeTokens: number;
    readonly promptTokens: number;
    readonly points: readonly ThreadScalingPoint[];
  };
  readonly overhead: {
    readonly repetitions: number;
    /** Field-by-field medians over the repetitions of one fresh turn, same prompt and settings. */
    readonly direct: TurnTiming;
    readonly hearth: TurnTiming;
    /** Every repetition, in the order run (direct and Hearth alternate). */
    readonly directRuns: readonly TurnTiming[];
    readonly hearthRuns: readonly TurnTiming[];
    /** Hearth ÷ direct: > 1 means Hearth is slower (first token, total) or faster (tokens/s). */
    readonly firstTokenRatio: number;
    readonly totalRatio: number;
    readonly tokensPerSecondRatio: number;
    /**
     * The node's default, `model_process: child`: Hearth's WorkerEngine, the model in a worker
     * process over IPC, after the inline engine is disposed (at most two copies of the model
     * loaded), its turns alternating with direct turns of its own (`direct`, their median),
     * which its ratios are against. Absent when the worker is not built or memory is short.
     */
    readonly workerProcess?: {
      readonly median: TurnTiming;
      readonly runs: readonly TurnTiming[];
      readonly direct: TurnTiming;
      readonly firstTokenRatio: number;
      readonly totalRatio: number;
      readonly tokensPerSecondRatio: number;
    };
  };
}
