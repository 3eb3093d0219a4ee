import { physicalCoreCount } from '@hearth/llm';
import { resolveModelsDir } from '@hearth/models';
import { benchSettings, type BenchOptions } from './benchSettings.js';
import { runBench } from './runBench.js';
import { writeBenchReport } from './writeBenchReport.js';

/** `hearth bench` (`pnpm bench`): benchmarks on a shape model; never part of the tests. */
export async function benchCommand(
  options: BenchOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const settings = benchSettings(options, physicalCoreCount());
  const report = await runBench({
    settings,
    modelsDir: resolveModelsDir(options.dir),
    log: (line) => err.write(`[bench] ${line}\n`),
  });
  const paths = await writeBenchReport(report, options.out);
  out.write(
    `Decode ${report.decode.tokensPerSecond.toFixed(1)} tokens/s = ${report.decode.ratioToLimit.toFixed(2)} of the memory-bandwidth limit (${report.decode.limitTokensPerSecond.toFixed(1)}).\n` +
      `First token at turn ${report.firstToken.lastTurn}: ${report.firstToken.reuseSpeedupAtLastTurn.toFixed(1)}× sooner with KV reuse.\n` +
      `Hearth ÷ node-llama-cpp: first token ${report.overhead.firstTokenRatio.toFixed(2)}, tokens/s ${report.overhead.tokensPerSecondRatio.toFixed(2)}.\n` +
      `Results: ${paths.markdown} and ${paths.json}\n`,
  );
  return 0;
}
