import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSettings } from '../../src/bench/benchSettings.js';
import type { BenchReport, TurnTiming } from '../../src/bench/benchTypes.js';
import { writeBenchReport } from '../../src/bench/writeBenchReport.js';

const timing = (turn: number, firstTokenMs: number, promptTokens: number): TurnTiming => ({
  turn,
  firstTokenMs,
  promptTokensEvaluated: promptTokens,
  generatedTokens: 32,
  tokensPerSecond: 20,
  totalMs: firstTokenMs + 1600,
});

/** A report with made-up numbers: this checks the writer, not the machine. */
const report: BenchReport = {
  version: 1,
  startedAt: '2026-01-02T03:04:05.678Z',
  durationSeconds: 120,
  machine: {
    cpu: 'Test CPU',
    logicalCpus: 2,
    physicalCores: 2,
    memoryBytes: 8e9,
    platform: 'linux x64',
    node: 'v20.0.0',
    loadAverage: [0.5, 1],
  },
  settings: benchSettings(
    {
      shape: 'qwen2.5-0.5b',
      quantization: 'q4_0',
      turns: 20,
      quick: false,
      out: 'x',
      threads: 2,
    },
    2,
  ),
  model: {
    file: '/cache/model.gguf',
    architecture: 'qwen2',
    parameters: 494_032_768,
    tensorBytes: 280e6,
    bytesReadPerToken: 210e6,
    fileSize: 283e6,
    generatedSeconds: null,
  },
  bandwidth: {
    bytesPerSecond: 10e9,
    method: 'copy',
    parallelReadBytesPerSecond: 5e9,
    copyBytesPerSecond: 10e9,
    threads: 2,
    bufferBytes: 512 << 20,
  },
  decode: { tokens: 64, tokensPerSecond: 25, limitTokensPerSecond: 35.7, ratioToLimit: 0.7 },
  firstToken: {
    hearthTurns: [timing(1, 900, 340), timing(20, 300, 50)],
    freshSessionTurns: [timing(1, 950, 340), timing(20, 4500, 1500)],
    lastTurn: 20,
    reuseSpeedupAtLastTurn: 15,
  },
  threadScaling: {
    decodeTokens: 64,
    promptTokens: 256,
    points: [
      {
        threads: 1,
        decodeTokensPerSecond: 20,
        promptTokensPerSecond: 100,
        decodeRatio: 1,
        promptRatio: 1,
      },
      {
        threads: 2,
        decodeTokensPerSecond: 24,
        promptTokensPerSecond: 180,
        decodeRatio: 1.2,
        promptRatio: 1.8,
      },
    ],
  },
  overhead: {
    repetitions: 3,
    direct: timing(1, 900, 340),
    hearth: timing(1, 918, 340),
    directRuns: [timing(1, 900, 340)],
    hearthRuns: [timing(1, 918, 340)],
    firstTokenRatio: 1.02,
    totalRatio: 1.01,
    tokensPerSecondRatio: 0.99,
  },
};

describe('the benchmark report writer', () => {
  it('writes JSON and markdown, dated and as latest', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'hearth-bench-')), 'bench-results');
    const paths = await writeBenchReport(report, dir);
    expect(paths.json).toMatch(/bench-qwen2\.5-0\.5b-Q4_0-2026-01-02T03-04-05-678Z\.json$/);
    expect((await readdir(dir)).sort()).toEqual(
      [paths.json, paths.markdown, join(dir, 'latest.json'), join(dir, 'latest.md')]
        .map((path) => path.slice(dir.length + 1))
        .sort(),
    );
    expect(JSON.parse(await readFile(paths.json, 'utf8'))).toEqual(report);
    const markdown = await readFile(join(dir, 'latest.md'), 'utf8');
    expect(markdown).toContain('# Hearth benchmark: qwen2.5-0.5b Q4_0');
    expect(markdown).toContain('| **measured / limit** | **0.70** |');
    expect(markdown).toContain('KV reuse makes the first token at turn 20 15.0× sooner');
    expect(markdown).toContain('first token **1.02**');
    expect(markdown).toMatch(/\| 20, fresh session \| 4500 ms \| 1500 \|/);
    expect(markdown).toContain('## Threads');
    expect(markdown).toContain('| 2 | 24.0 | **1.20** | 180.0 | **1.80** |');
  });

  it('sizes the run from the options and refuses bad ones', () => {
    const quick = benchSettings(
      {
        shape: 'qwen2.5-0.5b',
        quantization: 'Q4_0',
        turns: 20,
        quick: true,
        out: 'x',
        threads: 1,
      },
      2,
    );
    expect(quick).toMatchObject({ turns: 5, maxTokensPerTurn: 8, repetitions: 1, threads: 1 });
    // Thread counts: 1, 2 and the physical cores by default, deduplicated, fewest first.
    expect(quick.threadCounts).toEqual([1, 2]);
    const base = { shape: 'qwen2.5-0.5b', quantization: 'Q4_0', turns: 2, quick: true, out: 'x' };
    expect(benchSettings(base, 8).threadCounts).toEqual([1, 2, 8]);
    expect(benchSettings({ ...base, threadCounts: '4, 1,4' }, 8).threadCounts).toEqual([1, 4]);
    expect(benchSettings({ ...base, threadCounts: '' }, 8).threadCounts).toEqual([]);
    expect(() => benchSettings({ ...base, threadCounts: '0' }, 8)).toThrow(/--thread-counts/);
    expect(report.settings.contextSize).toBeGreaterThanOrEqual(256 + 20 * 128);
    expect(() =>
      benchSettings({ shape: 'gpt-2', quantization: 'Q4_0', turns: 20, quick: false, out: 'x' }, 2),
    ).toThrow(/--shape must be one of/);
    expect(() =>
      benchSettings(
        {
          shape: 'phi-3-mini',
          quantization: 'Q4_K_M',
          turns: 20,
          quick: false,
          out: 'x',
        },
        2,
      ),
    ).toThrow(/Q4_0 or Q8_0/);
    expect(() =>
      benchSettings(
        {
          shape: 'phi-3-mini',
          quantization: 'Q4_0',
          turns: 0,
          quick: false,
          out: 'x',
        },
        2,
      ),
    ).toThrow(/--turns/);
  });
});
