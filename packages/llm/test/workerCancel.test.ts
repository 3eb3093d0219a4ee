// Barge-in with the model in its child process (the default, model_process: child): a cancel
// stops generation within one token. The cancel crosses a pipe while the worker keeps
// decoding, so this measures what the listener gets after the cancel and what the worker
// generated after it learnt of it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolveWorkerEntry } from '../src/worker/resolveWorkerEntry.js';
import { WorkerEngine } from '../src/worker/WorkerEngine.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

const entry = resolveWorkerEntry();
if (!entry) {
  process.stderr.write(
    'Skipping the worker cancel test: packages/llm/dist/worker/modelWorker.js is not built ' +
      '(run `pnpm build`, or `npm test`, which builds first).\n',
  );
}
const describeBuilt = entry ? describe : describe.skip;

describeBuilt('cancel in the model worker process', () => {
  let model: TestModelDir;
  let engine: WorkerEngine;
  const logs: string[] = [];

  beforeAll(async () => {
    model = await writeTestModel();
    engine = await WorkerEngine.start({
      entry: entry as string,
      modelPath: model.modelPath,
      threads: 1,
      contextSize: 512,
      log: (_level, message) => logs.push(message),
    });
  });

  afterAll(async () => {
    await engine?.dispose();
    model?.remove();
  });

  it.each([1, 5, 20])('after %i chunks, at most one more arrives', async (cancelAt) => {
    const controller = new AbortController();
    let chunks = 0;
    let chunksAtCancel = -1;
    let sentencesAfterCancel = 0;
    const result = await engine.generate(
      { sessionId: `cancel-${cancelAt}`, userText: 'Tell me a long story.' },
      {
        signal: controller.signal,
        sampling: { maxTokens: 2000, seed: 3 },
        onTextChunk: () => {
          chunks += 1;
          if (chunks === cancelAt) {
            chunksAtCancel = chunks;
            controller.abort();
          }
        },
        onSentence: () => {
          if (controller.signal.aborted) sentencesAfterCancel += 1;
        },
      },
    );
    expect(result.cancelled).toBe(true);
    expect(result.fallback).toBe(false);
    expect(chunksAtCancel).toBe(cancelAt);
    // What the listener got after the cancel.
    expect(chunks - chunksAtCancel).toBeLessThanOrEqual(1);
    expect(sentencesAfterCancel).toBe(0);
    // What the model generated after the cancel reached its process: node-llama-cpp stops
    // before the next token, so at most the token being decoded then.
    const late = logs
      .map((line) => /generated (\d+) token\(s\) after the cancel/.exec(line)?.[1])
      .filter((n): n is string => n !== undefined);
    expect(late.length).toBeGreaterThan(0);
    expect(Number(late[late.length - 1])).toBeLessThanOrEqual(1);
    // It stopped long before the 2000 tokens it was allowed.
    expect(result.generatedTokens).toBeLessThan(cancelAt + 50);
    logs.length = 0;
  });

  it('answers the next turn of the cancelled session from the model', async () => {
    const result = await engine.generate(
      { sessionId: 'cancel-1', userText: 'Go on.' },
      { sampling: { maxTokens: 4, seed: 3 } },
    );
    expect(result.cancelled).toBe(false);
    expect(result.generatedTokens).toBeGreaterThan(0);
  });
});
