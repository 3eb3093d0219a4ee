// LoRA adapters on the real tiny model: an adapter written by the test in llama.cpp's layout
// loads, its scale changes what the model says (also at runtime), and a bad one is refused
// with an error naming the file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { LoraAdapterError } from '../src/errors/LoraAdapterError.js';
import { writeTestLora } from './support/testLora.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

const greedy = { maxTokens: 8, temperature: 0, seed: 1 };
const personaPrompt = 'You are a kind companion.';

async function reply(engine: LlamaEngine, sessionId: string): Promise<string> {
  const result = await engine.generate(
    { sessionId, userText: 'I feel tired and alone today.' },
    { sampling: greedy, personaPrompt },
  );
  return result.reply;
}

async function loadError(modelPath: string, loraPath: string): Promise<Error> {
  try {
    const engine = await LlamaEngine.load({
      modelPath,
      threads: 1,
      contextSize: 256,
      lora: { filePath: loraPath, scale: 1 },
    });
    await engine.dispose();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the adapter was accepted');
}

describe('LoRA adapters', () => {
  let model: TestModelDir;
  let loraPath: string;
  let engine: LlamaEngine;

  beforeAll(async () => {
    model = await writeTestModel();
    loraPath = join(model.dir, 'tiny-lora.gguf');
    await writeTestLora(loraPath);
    engine = await LlamaEngine.load({
      modelPath: model.modelPath,
      threads: 1,
      contextSize: 256,
      maxSessions: 2, // fewer contexts to rebuild on each scale change
      lora: { filePath: loraPath, scale: 0 },
    });
  });

  afterAll(async () => {
    await engine?.dispose();
    model?.remove();
  });

  it('loads, and its scale changes the output at runtime', async () => {
    const atZero = await reply(engine, 'zero');
    expect(engine.loraScale).toBe(0);
    await engine.setLoraScale(4);
    expect(engine.loraScale).toBe(4);
    const atFour = await reply(engine, 'four');
    expect(atFour).not.toBe(atZero);
    // The session opened at scale 0 keeps its history across the rebuilt context.
    const again = await engine.generate(
      { sessionId: 'zero', userText: 'Are you still there?' },
      { sampling: greedy, personaPrompt },
    );
    expect(again.cancelled).toBe(false);
    expect(again.historyUtterances).toBe(4);
    await engine.setLoraScale(0);
    expect(await reply(engine, 'zero-again')).toBe(atZero);
  });

  it('refuses an adapter whose shapes do not fit the model, naming the file', async () => {
    const path = join(model.dir, 'wrong-shape.gguf');
    await writeTestLora(path, { inputs: 32 });
    const error = await loadError(model.modelPath, path);
    expect(error).toBeInstanceOf(LoraAdapterError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('lora_path');
  });

  it('refuses a file that is not GGUF, naming the file', async () => {
    const path = join(model.dir, 'not-lora.gguf');
    writeFileSync(path, 'safetensors, not gguf');
    const error = await loadError(model.modelPath, path);
    expect(error).toBeInstanceOf(LoraAdapterError);
    expect(error.message).toContain(path);
  });
});
