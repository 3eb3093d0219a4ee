// The bench code end to end on the tiny test model, in seconds: bandwidth, direct decoding
// (DirectLlama), thread scaling, the overhead sides (direct, inline, worker process when built),
// the conversation and fresh sessions. Asserts the report's structure and that its numbers are
// finite and positive; never timing thresholds (this is a smoke test, not a measurement).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import { resolveWorkerEntry } from '@hearth/llm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSettings } from '../../src/bench/benchSettings.js';
import type { BenchReport, TurnTiming } from '../../src/bench/benchTypes.js';
import { formatBenchMarkdown } from '../../src/bench/formatBenchMarkdown.js';
import { runBench } from '../../src/bench/runBench.js';

let dir: string;
let report: BenchReport;
const logged: string[] = [];

const positive = (value: number): void => {
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThan(0);
};

function expectTiming(timing: TurnTiming | undefined): void {
  expect(timing).toBeDefined();
  positive(timing?.firstTokenMs ?? Number.NaN);
  positive(timing?.generatedTokens ?? Number.NaN);
  positive(timing?.tokensPerSecond ?? Number.NaN);
  positive(timing?.totalMs ?? Number.NaN);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-bench-smoke-'));
  const modelPath = join(dir, 'tiny.gguf');
  await makeTestModel({ outPath: modelPath, seed: 1 });
  const settings = benchSettings(
    {
      shape: 'qwen2.5-0.5b',
      quantization: 'Q8_0',
      turns: 2,
      threads: 1,
      quick: true,
      out: dir,
      threadCounts: '1',
    },
    1,
  );
  report = await runBench({
    settings,
    modelsDir: dir,
    modelPath,
    bandwidthBufferBytes: 8 << 20,
    log: (line) => logged.push(line),
  });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('runBench on the tiny test model', () => {
  it('measures bandwidth and decoding with finite, positive numbers', () => {
    positive(report.bandwidth.bytesPerSecond);
    positive(report.model.tensorBytes);
    positive(report.model.bytesReadPerToken);
    expect(report.model.bytesReadPerToken).toBeLessThanOrEqual(report.model.tensorBytes);
    positive(report.decode.tokensPerSecond);
    positive(report.decode.limitTokensPerSecond);
    positive(report.decode.ratioToLimit);
    expect(report.threadScaling?.points.map((point) => point.threads)).toEqual([1]);
  });

  it('compares the direct, inline and worker-process sides', () => {
    expect(report.overhead.directRuns).toHaveLength(1);
    expectTiming(report.overhead.direct);
    expectTiming(report.overhead.hearth);
    positive(report.overhead.firstTokenRatio);
    positive(report.overhead.totalRatio);
    if (resolveWorkerEntry()) {
      expectTiming(report.overhead.workerProcess?.median);
      expectTiming(report.overhead.workerProcess?.direct);
      positive(report.overhead.workerProcess?.firstTokenRatio ?? Number.NaN);
      // The worker side starts only after the inline engine's conversation (and its unload):
      // at most two copies of the model at once.
      const conversation = logged.findIndex((line) => line.includes('-turn conversation'));
      const worker = logged.findIndex((line) => line.includes("Hearth's worker process"));
      expect(conversation).toBeGreaterThanOrEqual(0);
      expect(worker).toBeGreaterThan(conversation);
    } else {
      expect(report.overhead.workerProcess).toBeUndefined();
    }
  });

  it('records every conversation turn and the fresh-session turns', () => {
    expect(report.firstToken.hearthTurns.map((turn) => turn.turn)).toEqual([1, 2]);
    expect(report.firstToken.freshSessionTurns.map((turn) => turn.turn)).toEqual([1, 2]);
    for (const turn of report.firstToken.hearthTurns) expectTiming(turn);
    positive(report.firstToken.reuseSpeedupAtLastTurn);
  });

  it('formats the report as markdown with every section', () => {
    const markdown = formatBenchMarkdown(report);
    expect(markdown).toContain('## Decoding against the memory-bandwidth limit');
    expect(markdown).toContain("## Hearth's overhead against node-llama-cpp directly");
    expect(markdown).toContain('Hearth LlamaEngine (model_process: inline)');
    expect(markdown).toContain('## Threads');
    expect(markdown).not.toMatch(/NaN|undefined/);
  });
});
