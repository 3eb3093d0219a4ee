// The model side of the harness on a real GGUF file: the tiny test model from @hearth/gguf,
// loaded by node-llama-cpp. Its text is meaningless; tokenization, evaluation and the
// probabilities read back are real.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import type { Utterance } from '../src/data/types.js';
import { EvalModelError } from '../src/errors/EvalModelError.js';
import { EvalModel } from '../src/model/EvalModel.js';
import { parseEsconvShort } from '../src/data/readEsconvShort.js';
import { runEvaluation, type ModelRun } from '../src/run/runEvaluation.js';
// The llm package's adapter writer: llama.cpp's LoRA layout for the tiny test model.
import { writeTestLora } from '../../llm/test/support/testLora.js';

const context: Utterance[] = [
  { speaker: 'seeker', text: 'I feel so alone since my friend moved away.', strategy: '' },
  { speaker: 'supporter', text: 'That sounds really hard.', strategy: 'Reflection of feelings' },
  { speaker: 'seeker', text: 'It is. I do not know what to do.', strategy: '' },
];
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const gold = 'Have you thought about calling her?';
const system = 'You are a kind companion.';

describe('EvalModel with a real GGUF model', () => {
  let dir: string;
  let model: EvalModel;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-eval-'));
    const modelPath = join(dir, 'tiny.gguf');
    await makeTestModel({ outPath: modelPath, seed: 1 });
    model = await EvalModel.load({ modelPath, threads: 1, contextSize: 512 });
  });

  afterAll(async () => {
    await model?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores the gold reply: one finite, positive NLL per gold token', async () => {
    const first = await model.goldLikelihood(system, context, gold);
    expect(first.tokens).toBe(model.tokenize(gold).length);
    expect(first.tokens).toBeGreaterThan(3);
    expect(Number.isFinite(first.nll)).toBe(true);
    expect(first.nll).toBeGreaterThan(0);
    // A clean sequence each time: the same question gives the same answer.
    const again = await model.goldLikelihood(system, context, gold);
    expect(again.nll).toBeCloseTo(first.nll, 3);
  });

  /** The NLL of `gold` after `prompt`, read by a teacher-forced loop in a plain Node process. */
  async function referenceNll(prompt: readonly number[], goldTokens: readonly number[]) {
    const { stdout } = await run(process.execPath, [
      join(here, 'support', 'referenceNll.mjs'),
      join(dir, 'tiny.gguf'),
      JSON.stringify({ prompt, gold: goldTokens }),
    ]);
    return (JSON.parse(stdout) as { nll: number }).nll;
  }

  it('agrees with a teacher-forced evaluateWithMetadata loop, a second way to read the same log-probs', async () => {
    const expected = await referenceNll(model.promptTokens(system, context), model.tokenize(gold));
    const measured = await model.goldLikelihood(system, context, gold);
    expect(measured.nll).toBeCloseTo(expected, 2);
  });

  it('reads each token probability as the chain rule requires: scoring a prefix adds up', async () => {
    // NLL(a b c) over the same context equals NLL(a b) plus the third token's NLL, so scoring
    // one and two tokens more must only add non-negative terms, in order.
    const words = ['Have you thought', 'Have you thought about calling her?'];
    // One context sequence: score one after the other.
    const short = await model.goldLikelihood(system, context, words[0]!);
    const long = await model.goldLikelihood(system, context, words[1]!);
    expect(long!.tokens).toBeGreaterThan(short!.tokens);
    expect(long!.nll).toBeGreaterThan(short!.nll);
    // Any positive NLLs pass the two checks above; the chain rule pins the difference: it is the
    // NLL of the added tokens with the shorter reply forced in after the prompt.
    const shortTokens = model.tokenize(words[0]!);
    const longTokens = model.tokenize(words[1]!);
    expect(longTokens.slice(0, shortTokens.length)).toEqual(shortTokens);
    const added = await referenceNll(
      [...model.promptTokens(system, context), ...shortTokens],
      longTokens.slice(shortTokens.length),
    );
    expect(long!.nll - short!.nll).toBeCloseTo(added, 2);
  });

  it('generates a reply with timings and a token count', async () => {
    const generated = await model.generate(system, context, {
      temperature: 0.7,
      topP: 0.95,
      topK: 50,
      maxTokens: 8,
      seed: 3,
    });
    expect(generated.generatedTokens).toBeGreaterThan(0);
    expect(generated.generatedTokens).toBeLessThanOrEqual(8);
    expect(generated.seconds).toBeGreaterThan(0);
    expect(generated.promptTokens).toBeGreaterThan(10);
  });

  it('runs both history modes, writes a checkpoint and resumes without redoing work', async () => {
    const dataset = parseEsconvShort(
      'mini.tsv',
      [
        '1.0 0 0 I have been feeling so lonely since the move. EOS 1.0 1 1 [Questions] When did you move? EOS 1.0 0 2 Last month. EOS 1.0 1 3 [Other] I see.',
        '0.0 0 0 I have been feeling so lonely since the move. EOS 0.0 1 1 [Questions] When did you move? EOS 0.0 0 2 Last month, and I do not know anyone here. EOS 1.0 1 3 [Reflection of feelings] That must feel isolating.',
        '0.0 0 2 Nobody calls me. EOS 1.0 1 3 [Other] I am here.',
      ].join('\n'),
    );
    const run: ModelRun = {
      model,
      name: 'tiny',
      systemPrompt: system,
      settings: { temperature: 0.7, topP: 0.95, topK: 50, maxTokens: 4, seed: 1 },
      histories: ['full', 'compressed'],
      // Strip every turn before the seeker's last words: with the robot's default of 2 whole
      // turns, these 3-utterance contexts would not change.
      keepRecentTurns: 0,
    };
    const outDir = join(dir, 'run');
    const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
    const options = {
      dataset,
      outDir,
      limit: 2,
      modelRun: run,
      progress: quiet,
      fingerprint: { model: 'tiny' },
    };
    const results = await runEvaluation(options);
    expect(results.map((r) => r.name)).toEqual(['tiny (full history)', 'tiny (stopwords removed)']);
    for (const result of results) {
      expect(result.metrics.examples).toBe(2);
      expect(result.metrics.perplexity).toBeGreaterThan(1);
      expect(result.metrics.secondsPerReply).toBeGreaterThan(0);
      expect(result.metrics.tokensPerSecond).toBeGreaterThan(0);
    }
    // Removing stopwords from the older turn shortens the prompt of the same context.
    const prompt = (i: number) =>
      results[i]!.records.reduce((sum, r) => sum + (r.promptTokens ?? 0), 0);
    expect(prompt(1)).toBeLessThan(prompt(0));
    const lines = () =>
      readFileSync(join(outDir, 'checkpoint.jsonl'), 'utf8').trim().split('\n').length;
    expect(lines()).toBe(1 + 4);
    const again = await runEvaluation(options);
    expect(lines()).toBe(1 + 4);
    expect(again[0]?.records.map((r) => r.reply)).toEqual(results[0]?.records.map((r) => r.reply));
  });

  it('applies a LoRA adapter (--lora), which changes the gold perplexity', async () => {
    const loraPath = join(dir, 'tiny-lora.gguf');
    await writeTestLora(loraPath);
    const adapted = await EvalModel.load({
      modelPath: join(dir, 'tiny.gguf'),
      loraPath,
      threads: 1,
      contextSize: 512,
    });
    try {
      const base = await model.goldLikelihood(system, context, gold);
      const withLora = await adapted.goldLikelihood(system, context, gold);
      expect(withLora.tokens).toBe(base.tokens);
      expect(Number.isFinite(withLora.nll)).toBe(true);
      expect(Math.abs(withLora.nll - base.nll)).toBeGreaterThan(0.01);
      // The same through the harness: the run's corpus perplexity moves with the adapter.
      const dataset = parseEsconvShort(
        'mini.tsv',
        '1.0 0 0 I have been feeling so lonely since the move. EOS 1.0 1 1 [Questions] When did you move?',
      );
      const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
      const perplexity = async (evalModel: EvalModel, name: string): Promise<number> => {
        const [result] = await runEvaluation({
          dataset,
          outDir: join(dir, name),
          modelRun: {
            model: evalModel,
            name,
            systemPrompt: system,
            settings: { temperature: 0, topP: 1, topK: 1, maxTokens: 2, seed: 1 },
            histories: ['full'],
          },
          progress: quiet,
          fingerprint: { model: name },
        });
        return result?.metrics.perplexity ?? Number.NaN;
      };
      const basePerplexity = await perplexity(model, 'base');
      const loraPerplexity = await perplexity(adapted, 'lora');
      expect(basePerplexity).toBeGreaterThan(1);
      expect(loraPerplexity).toBeGreaterThan(1);
      expect(Math.abs(loraPerplexity - basePerplexity) / basePerplexity).toBeGreaterThan(0.001);
    } finally {
      await adapted.dispose();
    }
  });

  it('names the file when the model is missing', async () => {
    await expect(EvalModel.load({ modelPath: join(dir, 'missing.gguf') })).rejects.toThrow(
      EvalModelError,
    );
  });
});
