// "A model too big for memory": the estimate (weights + each session's KV cache) is checked
// against what may be used before loading, with the real tiny model and a forced small limit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { statSync } from 'node:fs';
import { readGgufFileInfo } from 'node-llama-cpp';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { loadLlama } from '../src/engine/loadLlama.js';
import { checkMemory, estimateMemory, type MemoryEstimate } from '../src/engine/memoryEstimate.js';
import { ModelTooBigError } from '../src/errors/ModelTooBigError.js';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

const MiB = 2 ** 20;

describe('checkMemory', () => {
  const estimate: MemoryEstimate = {
    modelBytes: 400 * MiB,
    contextBytes: 100 * MiB,
    sessions: 2,
    contextSize: 2048,
    totalBytes: 500 * MiB,
  };

  it('passes when the estimate fits under the limit minus the margin', () => {
    expect(() =>
      checkMemory('m.gguf', estimate, { limitBytes: 600 * MiB, marginBytes: 100 * MiB }),
    ).not.toThrow();
    // No limit: the machine's available memory, here injected.
    expect(() =>
      checkMemory('m.gguf', estimate, { marginBytes: 0 }, () => 500 * MiB),
    ).not.toThrow();
  });

  it('refuses with the file, the estimate, what is available and the fix', () => {
    let error: unknown;
    try {
      checkMemory('/models/big.gguf', estimate, { marginBytes: 512 * MiB }, () => 900 * MiB);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelTooBigError);
    const tooBig = error as ModelTooBigError;
    expect(tooBig.filePath).toBe('/models/big.gguf');
    expect(tooBig.usableBytes).toBe(388 * MiB);
    expect(tooBig.message).toContain('/models/big.gguf needs about 500 MB');
    expect(tooBig.message).toContain('400 MB of weights + 100 MB for 2 sessions of 2048 tokens');
    expect(tooBig.message).toContain('only 388 MB may be used (900 MB available minus a 512 MB');
    expect(tooBig.message).toMatch(/smaller quantization.*smaller model.*context_size/);
  });
});

describe('loading a model too big for the memory allowed', () => {
  let model: TestModelDir;

  beforeAll(async () => {
    model = await writeTestModel();
  });

  afterAll(() => model?.remove());

  it('refuses the tiny model under a 1 MiB limit', async () => {
    await expect(
      LlamaEngine.load({
        modelPath: model.modelPath,
        threads: 1,
        contextSize: 1024,
        memory: { limitBytes: 1 * MiB, marginBytes: 0 },
      }),
    ).rejects.toBeInstanceOf(ModelTooBigError);
  });

  it('counts the weights and every session’s KV cache', async () => {
    const llama = await loadLlama();
    try {
      const info = await readGgufFileInfo(model.modelPath, { sourceType: 'filesystem' });
      const one = await estimateMemory(info, llama, { contextSize: 4096, sessions: 1 });
      const eight = await estimateMemory(info, llama, { contextSize: 4096, sessions: 8 });
      const short = await estimateMemory(info, llama, { contextSize: 512, sessions: 1 });
      expect(one.modelBytes).toBeGreaterThanOrEqual(statSync(model.modelPath).size * 0.9);
      expect(eight.contextBytes).toBe(8 * one.contextBytes);
      expect(eight.totalBytes).toBe(eight.modelBytes + eight.contextBytes);
      // The KV cache grows with the context: 2 layers x 2 KV heads x 16 dims x K and V x F16.
      expect(one.contextBytes - short.contextBytes).toBeGreaterThanOrEqual(
        (4096 - 512) * 2 * 2 * 16 * 2 * 2,
      );
    } finally {
      await llama.dispose();
    }
  });

  it('leaves the node answering from the fallback, with the reason in the log', async () => {
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
    try {
      const engine = await loadReplyEngine(
        {
          modelPath: model.modelPath,
          threads: 1,
          contextSize: 2048,
          maxSessions: 2,
          chatTemplate: '',
          loraPath: '',
          loraScale: 1,
          modelProcess: 'inline',
          memoryLimitMb: 1,
          memoryMarginMb: 0,
        },
        transport.createNode('llm').logger,
      );
      expect(engine).toBeInstanceOf(FallbackResponder);
      const result = await engine.generate({ sessionId: 's', userText: 'I feel alone.' });
      expect(result.fallback).toBe(true);
      const [error] = capture.linesOf('llm', 'error');
      expect(error?.msg).toContain('Model too big for memory');
      expect(error?.msg).toContain(model.modelPath);
      expect(error).toMatchObject({ error: 'ModelTooBigError', file: model.modelPath });
    } finally {
      await transport.shutdown();
    }
  });
});
