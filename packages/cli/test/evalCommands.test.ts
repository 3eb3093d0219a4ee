// `hearth eval` and `hearth data sft` through their command functions, on small files written
// here (the real datasets are not needed).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DatasetError, DatasetNotFoundError } from '@hearth/eval';
import { makeTestModel } from '@hearth/gguf';
import { sftCommand } from '../src/commands/data.js';
import { evalCommand, type EvalOptions } from '../src/commands/eval.js';
import { evalContextCommand, evalContextDefaults } from '../src/commands/evalContext.js';
import { evalSources } from '../src/commands/evalSources.js';
import { describeFailure } from '../src/errors.js';

const scratch = mkdtempSync(join(tmpdir(), 'hearth-cli-eval-'));
const model = join(scratch, 'tiny.gguf');
beforeAll(() => makeTestModel({ outPath: model, seed: 1 }));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sink(): NodeJS.WritableStream & { text: string } {
  const stream = { text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WritableStream & { text: string };
}

function write(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const data = write(
  'mini.tsv',
  [
    '1.0 0 0 Hello  EOS 1.0 1 1 [Questions] How are you feeling?',
    '0.0 0 2 I am sad. EOS 1.0 1 3 [Reflection of feelings] You feel sad today.',
  ].join('\n') + '\n',
);

const base: EvalOptions = {
  data,
  out: join(scratch, 'out'),
  history: 'both',
  keepRecentTurns: '0',
  threads: '1',
  contextSize: '512',
  maxTokens: '8',
  temperature: '0.7',
  seed: '1',
  perplexity: true,
};

describe('hearth eval --predictions', () => {
  it('scores a predictions file and writes metrics.json and report.md', async () => {
    const predictions = write(
      'p.jsonl',
      '{"id": 0, "reply": "How are you feeling?"}\n{"id": 1, "reply": "I understand how you feel."}\n',
    );
    const out = sink();
    const progress = sink();
    expect(await evalCommand({ ...base, predictions }, out, progress)).toBe(0);
    expect(out.text).toMatch(/p\.jsonl: BLEU-2 \d+\.\d\d/);
    expect(progress.text).toMatch(/Embedding similarity .*skipped/);
    const metrics = JSON.parse(readFileSync(join(base.out, 'metrics.json'), 'utf8')) as {
      dataset: { scored: number };
      systems: { metrics: { rougeL: number } }[];
    };
    expect(metrics.dataset.scored).toBe(2);
    expect(metrics.systems[0]?.metrics.rougeL).toBeGreaterThan(50);
    expect(readFileSync(join(base.out, 'report.md'), 'utf8')).toMatch(
      /TransESC \| 7\.64 \| 17\.51/,
    );
  });

  it('refuses to run with neither a model nor predictions', async () => {
    await expect(evalCommand(base, sink(), sink())).rejects.toThrow(
      /--model FILE .* --predictions FILE/,
    );
  });

  it('a missing or malformed dataset fails with a message naming the file', async () => {
    const predictions = write('one.jsonl', '{"id": 0, "reply": "hi"}\n');
    const missing = evalCommand(
      { ...base, data: join(scratch, 'none.tsv'), predictions },
      sink(),
      sink(),
    );
    await expect(missing).rejects.toThrow(DatasetNotFoundError);
    const bad = write('bad.tsv', 'not a line of ESConv\n');
    const error = await evalCommand({ ...base, data: bad, predictions }, sink(), sink()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetError);
    // The CLI prints the typed error's own message, not a bug report.
    expect(describeFailure(error)).toMatch(/bad\.tsv:1: .*not an utterance/);
    expect(describeFailure(error)).not.toMatch(/bug in Hearth/);
  });
});

describe('hearth eval with several systems', () => {
  it('writes one side-by-side report and each system’s own files', async () => {
    const close = write(
      'close.jsonl',
      '{"id": 0, "reply": "How are you feeling?"}\n{"id": 1, "reply": "You feel sad today."}\n',
    );
    const far = write(
      'far.jsonl',
      '{"id": 0, "reply": "The train leaves at noon."}\n{"id": 1, "reply": "Oh."}\n',
    );
    const dir = join(scratch, 'side-by-side');
    const out = sink();
    expect(await evalCommand({ ...base, predictions: [close, far], out: dir }, out, sink())).toBe(
      0,
    );
    expect(out.text).toMatch(/close\.jsonl: BLEU-2[\s\S]*far\.jsonl: BLEU-2/);
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as {
      systems: { name: string; metrics: { rougeL: number } }[];
      systemReports: { name: string; path: string }[];
    };
    expect(metrics.systems.map((s) => s.name)).toEqual(['close.jsonl', 'far.jsonl']);
    const [closeScore, farScore] = metrics.systems.map((s) => s.metrics.rougeL);
    expect(closeScore).toBe(100);
    expect(farScore).toBeLessThan(closeScore ?? 0);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/^# Hearth evaluation: systems side by side/);
    expect(report).toMatch(/\| close\.jsonl \| [\d.]+ \|[\s\S]*\| far\.jsonl \| [\d.]+ \|/);
    expect(report).toContain('[close.jsonl/report.md](close.jsonl/report.md)');
    // The chart has a bar series per system.
    const svg = readFileSync(join(dir, 'metrics.svg'), 'utf8');
    expect(svg).toContain('>close.jsonl</text>');
    expect(svg).toContain('>far.jsonl</text>');
    // Each system's own report, as a run with it alone would write.
    for (const system of ['close.jsonl', 'far.jsonl']) {
      const own = JSON.parse(readFileSync(join(dir, system, 'metrics.json'), 'utf8')) as {
        systems: { name: string }[];
      };
      expect(own.systems.map((s) => s.name)).toEqual([system]);
      expect(readFileSync(join(dir, system, 'report.md'), 'utf8')).toMatch(
        /^# Hearth evaluation report/,
      );
    }
  });

  it('numbers systems whose files share a name, and pairs adapters with models', () => {
    const sources = evalSources({
      model: ['a/base.gguf', 'b/base.gguf', 'a/base.gguf'],
      lora: ['none', 'none', 'x/esconv.gguf'],
    });
    expect(sources.map((s) => s.name)).toEqual([
      'base.gguf',
      'base.gguf (2)',
      'base.gguf + esconv.gguf',
    ]);
    expect(sources.map((s) => s.folder)).toEqual([
      'base.gguf',
      'base.gguf-2',
      'base.gguf-esconv.gguf',
    ]);
    expect(() => evalSources({ model: ['a.gguf', 'b.gguf'], lora: ['x.gguf'] })).toThrow(
      /one --lora per --model/,
    );
  });
});

describe('hearth eval context', () => {
  it('counts the utterances each strategy keeps per context size and writes the report', async () => {
    const dialogues = write(
      'dialogues.tsv',
      [
        '1.0 0 0 Hello there. EOS 1.0 1 1 [Questions] How are you?',
        '0.0 0 0 Hello there. EOS 0.0 1 1 [Questions] How are you? EOS 0.0 0 2 I lost my job and I am very scared about the rent. EOS 1.0 1 3 [Reflection of feelings] That sounds frightening.',
        '1.0 0 0 I feel lonely. EOS 1.0 1 1 [Other] Hi, I am here for you.',
      ].join('\n') + '\n',
    );
    const dir = join(scratch, 'context');
    const out = sink();
    const code = await evalContextCommand(
      {
        ...evalContextDefaults,
        data: dialogues,
        out: dir,
        contextSizes: '40,20,1000',
        replyTokens: '4',
        system: 'Be kind.',
        overhead: '1',
      },
      out,
    );
    expect(code).toBe(0);
    expect(out.text).toMatch(/^2 dialogues, 3\.0 utterances each/);
    const json = JSON.parse(readFileSync(join(dir, 'context-fit.json'), 'utf8')) as {
      rows: { contextSize: number; budget: number; strategies: { window: { mean: number } } }[];
    };
    // Sizes sorted; budget = size - 4 reply tokens - ("be kind ." 3 + 1) system tokens.
    expect(json.rows.map((r) => [r.contextSize, r.budget])).toEqual([
      [20, 12],
      [40, 32],
      [1000, 992],
    ]);
    expect(json.rows[2]?.strategies.window.mean).toBe(3);
    expect(readFileSync(join(dir, 'context-fit.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, 'context-fit.md'), 'utf8')).toContain('| 1000 | 992 |');
    await expect(
      evalContextCommand(
        { ...evalContextDefaults, data: dialogues, out: dir, contextSizes: '512,zero' },
        sink(),
      ),
    ).rejects.toThrow(/--context-sizes must be a whole number/);
  });
});

describe('hearth eval --model', () => {
  it('generates with the tiny model, scores perplexity and writes the latency chart', async () => {
    const out = sink();
    const dir = join(scratch, 'model-out');
    const options = { ...base, model, out: dir, history: 'full', limit: '1', maxTokens: '4' };
    expect(await evalCommand(options, out, sink())).toBe(0);
    expect(out.text).toMatch(/tiny\.gguf \(full history\): .* PPL \d+\.\d\d .* s\/reply/);
    expect(readFileSync(join(dir, 'latency.svg'), 'utf8')).toMatch(/^<svg/);
    // A longer run in the same folder resumes: the first reply comes from the checkpoint.
    const checkpoint = () => readFileSync(join(dir, 'checkpoint.jsonl'), 'utf8').trim().split('\n');
    const first = checkpoint()[1];
    expect(await evalCommand({ ...options, limit: '2' }, sink(), sink())).toBe(0);
    expect(checkpoint()).toHaveLength(3);
    expect(checkpoint()[1]).toBe(first);
    await expect(evalCommand({ ...options, seed: '2' }, sink(), sink())).rejects.toThrow(
      /other settings.*new --out/,
    );
  });

  it('adds embedding similarity and a local LLM judge to the report when given models', async () => {
    const predictions = write(
      'q.jsonl',
      '{"id": 0, "reply": "How are you feeling?"}\n{"id": 1, "reply": "Oh."}\n',
    );
    const dir = join(scratch, 'quality-out');
    const options = {
      ...base,
      predictions,
      out: dir,
      embeddingModel: model,
      judge: model,
      judgeLimit: '1',
    };
    expect(await evalCommand(options, sink(), sink())).toBe(0);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/## Embedding similarity[\s\S]*\| q\.jsonl \| \d+\.\d\d \|/);
    expect(report).toMatch(/## LLM judge \(0 to 10\)[\s\S]*\| q\.jsonl \| 1 \| 0 \|/);
    expect(report).not.toMatch(/## Not measured/);
  });
});

describe('hearth data sft', () => {
  it('writes train and validation JSONL in the chosen template with statistics', async () => {
    const input = write(
      'extes.json',
      JSON.stringify([
        {
          scene: 'Test',
          description: 'Written for this test.',
          content: [
            { User: 'I failed my exam.' },
            { AI: 'I am sorry. How do you feel?', 'AI Strategy': 'Emotional Validation' },
          ],
        },
      ]),
    );
    const out = sink();
    const dir = join(scratch, 'sft');
    expect(
      await sftCommand(
        {
          input: [input],
          template: 'phi3',
          out: dir,
          strategyTags: true,
          validation: '0',
          seed: '1',
          historyWindow: '0',
          maxTokens: '2048',
        },
        out,
      ),
    ).toBe(0);
    expect(out.text).toMatch(/Wrote 1 training examples \(1 conversations\)/);
    const example = JSON.parse(readFileSync(join(dir, 'train.jsonl'), 'utf8')) as {
      completion: string;
    };
    expect(example.completion).toBe('[Emotional Validation] I am sorry. How do you feel?<|end|>\n');
    await expect(
      sftCommand(
        {
          input: [input],
          template: 'gpt',
          out: dir,
          strategyTags: false,
          validation: '0',
          seed: '1',
          historyWindow: '0',
          maxTokens: '1',
        },
        sink(),
      ),
    ).rejects.toThrow(/--template must be one of chatml, mistral, llama2, phi3/);
  });
});
