import { MODEL_SHAPE_NAMES } from '@hearth/gguf';
import { CliError } from '../errors.js';
import type { BenchSettings } from './benchTypes.js';

export interface BenchOptions {
  readonly shape: string;
  readonly quantization: string;
  readonly turns: number;
  readonly threads?: number;
  readonly quick: boolean;
  readonly out: string;
  readonly dir?: string;
  /** Comma-separated thread counts to compare, e.g. "1,2,4"; default 1, 2 and the physical cores. */
  readonly threadCounts?: string;
}

function positiveInteger(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new CliError(`${option} must be a positive integer, got "${value}".`);
  }
  return value;
}

/** Settings from the options: defaults sized so a run takes a few minutes on 2 cores. */
export function benchSettings(options: BenchOptions, defaultThreads: number): BenchSettings {
  const shape = MODEL_SHAPE_NAMES.find((name) => name === options.shape);
  if (shape === undefined) {
    throw new CliError(
      `--shape must be one of ${MODEL_SHAPE_NAMES.join(', ')}, got "${options.shape}".`,
    );
  }
  const quantization = options.quantization.toUpperCase();
  if (quantization !== 'Q4_0' && quantization !== 'Q8_0') {
    throw new CliError(`--quantization must be Q4_0 or Q8_0, got "${options.quantization}".`);
  }
  const quick = options.quick;
  const turns = positiveInteger(quick ? Math.min(options.turns, 5) : options.turns, '--turns');
  const maxTokensPerTurn = quick ? 8 : 32;
  // Room for the persona prompt and every turn (the tiny vocabulary spells some words in bytes).
  const needed = 256 + turns * (96 + maxTokensPerTurn);
  return {
    shape,
    quantization,
    threads: positiveInteger(options.threads ?? defaultThreads, '--threads'),
    turns,
    maxTokensPerTurn,
    decodeTokens: quick ? 16 : 64,
    repetitions: quick ? 1 : 5,
    contextSize: Math.ceil(needed / 512) * 512,
    quick,
    threadCounts: threadCounts(options.threadCounts, defaultThreads),
  };
}

/** The thread counts to compare: given, else 1, 2 and the physical core count; fewest first. */
function threadCounts(option: string | undefined, physicalCores: number): number[] {
  const counts =
    option === undefined
      ? [1, 2, physicalCores]
      : option.trim() === ''
        ? []
        : option.split(',').map((part) => positiveInteger(Number(part.trim()), '--thread-counts'));
  return [...new Set(counts)].sort((a, b) => a - b);
}
