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
