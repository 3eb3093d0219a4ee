import type { ThreadScalingPoint } from './benchTypes.js';
import { DirectLlama } from './directLlama.js';

export interface ThreadScalingOptions {
  readonly modelPath: string;
  readonly threadCounts: readonly number[];
  readonly decodeTokens: number;
  readonly promptTokens: number;
  /** Runs per measure; the best is kept (the least disturbed on a shared machine). */
  readonly runs: number;
  readonly log: (line: string) => void;
}

/**
 * Decode and prompt speed of node-llama-cpp at each thread count, on the same model in the same
 * run, as ratios to the fewest threads: whether the llm node's default (the physical core
 * count) pays on this machine. Decoding is memory-bound and gains little from threads; prompt
 * evaluation is compute-bound and should gain more; a machine kept busy by other work can make
 * more threads slower (llama.cpp's threads spin-wait for each other at every layer).
 */
export async function measureThreadScaling(
  options: ThreadScalingOptions,
): Promise<ThreadScalingPoint[]> {
  const measured: Omit<ThreadScalingPoint, 'decodeRatio' | 'promptRatio'>[] = [];
  for (const threads of options.threadCounts) {
    options.log(`Thread scaling: ${threads} thread(s) ...`);
    const direct = await DirectLlama.load(options.modelPath, threads);
    try {
      await direct.decodeTokensPerSecond(4); // warm the page cache and the thread pool
      let decode = 0;
      let prompt = 0;
      for (let run = 0; run < options.runs; run += 1) {
        decode = Math.max(decode, await direct.decodeTokensPerSecond(options.decodeTokens));
        prompt = Math.max(prompt, await direct.promptTokensPerSecond(options.promptTokens));
      }
      measured.push({ threads, decodeTokensPerSecond: decode, promptTokensPerSecond: prompt });
    } finally {
      await direct.dispose();
    }
  }
  const base = measured[0];
  return measured.map((point) => ({
    ...point,
    decodeRatio: base ? point.decodeTokensPerSecond / base.decodeTokensPerSecond : Number.NaN,
    promptRatio: base ? point.promptTokensPerSecond / base.promptTokensPerSecond : Number.NaN,
  }));
}
