import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parseEsconvShort } from '../src/data/readEsconvShort.js';
import { PredictionsError } from '../src/errors/PredictionsError.js';
import { binCounts, latencyHistogram } from '../src/report/histogram.js';
import { writeReport } from '../src/report/writeReport.js';
import { Checkpoint, CheckpointMismatchError } from '../src/run/Checkpoint.js';
import { Progress, formatDuration } from '../src/run/Progress.js';
import { readPredictions } from '../src/run/readPredictions.js';
import { runEvaluation } from '../src/run/runEvaluation.js';

const scratch = mkdtempSync(join(tmpdir(), 'hearth-eval-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dataset = parseEsconvShort(
  'mini.tsv',
  [
    '1.0 0 0 Hello  EOS 1.0 1 1 [Questions] How are you feeling?',
    '0.0 0 2 I am sad. EOS 1.0 1 3 [Reflection of feelings] You feel sad.',
    '0.0 0 4 Work is hard. EOS 1.0 1 5 [Providing Suggestions] Maybe take a break.',
  ].join('\n'),
);

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('predictions', () => {
  it('scores replies given by id, reading a leading tag as the predicted strategy', async () => {
    const path = file(
      'predictions.jsonl',
      [
        { id: 2, reply: '[Providing Suggestions] Maybe take a break.' },
        { id: 0, reply: '[Question] How are you feeling?' },
        { id: 1, reply: 'You feel sad.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const predictions = await readPredictions(path);
    const [result] = await runEvaluation({
      dataset,
      outDir: join(scratch, 'out'),
      predictionsFile: path,
      predictions,
      fingerprint: {},
    });
    expect(result?.metrics.bleu4).toBeCloseTo(100, 6);
    expect(result?.metrics.rougeL).toBeCloseTo(100, 6);
    // Two of three tagged correctly; the untagged one counts as wrong.
    expect(result?.metrics.strategyAccuracy).toBeCloseTo(200 / 3, 6);
  });

  it('names the file and line of a bad prediction, and a missing id', async () => {
    await expect(
      readPredictions(file('bad.jsonl', '{"id": 0, "reply": "hi"}\n{"id": "x"}\n')),
    ).rejects.toThrow(/bad\.jsonl:2: expected an integer "id"/);
    await expect(
      readPredictions(file('dup.jsonl', '{"id": 0, "reply": "a"}\n{"id": 0, "reply": "b"}\n')),
    ).rejects.toThrow(PredictionsError);
    const path = file('short.jsonl', '{"id": 0, "reply": "hi"}\n');
    await expect(
      runEvaluation({
        dataset,
        outDir: scratch,
        predictionsFile: path,
        predictions: await readPredictions(path),
        fingerprint: {},
      }),
    ).rejects.toThrow(/no reply for example id 1/);
  });
});

describe('checkpoint', () => {
  it('keeps finished examples across runs, ignores a torn line and refuses other settings', async () => {
    const dir = join(scratch, 'ckpt');
    const first = await Checkpoint.open(dir, { model: 'a' });
    await first.add({
      system: 's',
      id: 4,
      gold: 'g',
      goldStrategy: '',
      reply: 'r',
      predictedStrategy: '',
      contextUtterances: 2,
    });
    writeFileSync(
      join(dir, 'checkpoint.jsonl'),
      readFileSync(join(dir, 'checkpoint.jsonl'), 'utf8') + '{"system": "s", "id": 5, "go',
    );
    const second = await Checkpoint.open(dir, { model: 'a' });
    expect(second.get('s', 4)?.reply).toBe('r');
    expect(second.get('s', 5)).toBeUndefined();
    await expect(Checkpoint.open(dir, { model: 'b' })).rejects.toThrow(CheckpointMismatchError);
  });
});

describe('progress', () => {
  it('shows done, total and an ETA from the pace so far', () => {
    const lines: string[] = [];
    let now = 0;
    const stream = {
      write: (text: string) => lines.push(text),
      isTTY: false,
    } as unknown as NodeJS.WritableStream;
    const progress = new Progress('model', 10, 2, stream, () => now);
    now = 3000;
    progress.tick(); // 1 example in 3 s here; 7 left -> 21 s
    expect(progress.line(now)).toMatch(/3\/10 \(30\.0%\) ETA 21s$/);
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(65)).toBe('1m05s');
  });
});

describe('report', () => {
  it('bins latencies and writes metrics.json, report.md and SVG charts', async () => {
    // 0.1 and 0.4 fall in the first of 2 bins over [0, 1), 0.6 and 1.0 in the second.
    expect(binCounts([0.1, 0.4, 0.6, 1.0], 2, 1)).toEqual([2, 2]);
    expect(latencyHistogram('t', [{ name: 'a', seconds: [0.5, 1] }])).toMatch(
      /^<svg[\s\S]*<\/svg>\n$/,
    );
    const outDir = join(scratch, 'report');
    const records = dataset.examples.map((e, i) => ({
      system: 'm',
      id: e.id,
      gold: e.gold,
      goldStrategy: e.goldStrategy,
      reply: 'I hear you.',
      predictedStrategy: '',
      seconds: 1 + i,
      generatedTokens: 5,
      promptTokens: 20 + 10 * i,
      contextUtterances: i + 1,
    }));
    const { scoreReplies } = await import('../src/metrics/scoreReplies.js');
    await writeReport(outDir, {
      dataset,
      scored: 3,
      results: [{ name: 'm <full>', history: 'full', metrics: scoreReplies(records), records }],
      settings: { model: 'm.gguf' },
      notes: ['LLM judge: not run.'],
    });
    const json = JSON.parse(readFileSync(join(outDir, 'metrics.json'), 'utf8')) as {
      systems: { name: string; metrics: { secondsPerReply: number } }[];
      references: { system: string; bleu2: number; rougeL: number }[];
    };
    expect(json.systems[0]?.metrics.secondsPerReply).toBe(2);
    expect(json.references).toContainEqual(
      expect.objectContaining({ system: 'TransESC', bleu2: 7.64, rougeL: 17.51 }),
    );
    const markdown = readFileSync(join(outDir, 'report.md'), 'utf8');
    expect(markdown).toMatch(/BlenderBot-Joint \| 5\.35 \| 15\.46/);
    expect(markdown).toMatch(/!\[latency distribution\]\(latency\.svg\)/);
    expect(markdown).toMatch(/LLM judge: not run/);
    for (const chart of ['metrics.svg', 'latency.svg', 'context.svg']) {
      const svg = readFileSync(join(outDir, chart), 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      // Names are escaped, so the SVG stays well-formed XML.
      expect(svg).not.toContain('m <full>');
    }
    expect(readFileSync(join(outDir, 'metrics.svg'), 'utf8')).toContain('m &lt;full&gt;');
  });
});
