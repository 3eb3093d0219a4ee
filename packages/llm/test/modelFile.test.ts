// A missing, foreign or truncated model file gives a typed error that names the file and says
// how to get a model; node-llama-cpp's own loader never sees it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidModelMagicError } from '../src/errors/InvalidModelMagicError.js';
import { ModelFileNotFoundError } from '../src/errors/ModelFileNotFoundError.js';
import { TruncatedModelError } from '../src/errors/TruncatedModelError.js';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

async function loadError(modelPath: string): Promise<Error> {
  try {
    const engine = await LlamaEngine.load({ modelPath, threads: 1 });
    await engine.dispose();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error(`expected ${modelPath} to fail to load`);
}

describe('model file errors', () => {
  let model: TestModelDir;

  beforeAll(async () => {
    model = await writeTestModel();
  });

  afterAll(() => model?.remove());

  it('names a missing file and how to make a test model', async () => {
    const path = join(model.dir, 'missing.gguf');
    const error = await loadError(path);
    expect(error).toBeInstanceOf(ModelFileNotFoundError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('hearth models make-test --out FILE');
    expect(error.message).toContain(
      '`hearth models pull NAME` (`hearth models list` shows the names)',
    );
  });

  it('rejects a file that is not GGUF', async () => {
    const path = join(model.dir, 'not-a-model.gguf');
    writeFileSync(path, 'PK\u0003\u0004 this is a zip, not a model');
    const error = await loadError(path);
    expect(error).toBeInstanceOf(InvalidModelMagicError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('"GGUF"');
  });

  it('rejects a model whose tensor data is cut off', async () => {
    const bytes = readFileSync(model.modelPath);
    const path = join(model.dir, 'half.gguf');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.75)));
    const error = await loadError(path);
    expect(error).toBeInstanceOf(TruncatedModelError);
    expect((error as TruncatedModelError).expectedBytes).toBeGreaterThan(bytes.length * 0.75);
    expect(error.message).toContain(path);
  });

  it('rejects a model whose header is cut off', async () => {
    const bytes = readFileSync(model.modelPath);
    const path = join(model.dir, 'header.gguf');
    writeFileSync(path, bytes.subarray(0, 200));
    const error = await loadError(path);
    expect(error).toBeInstanceOf(TruncatedModelError);
    expect(error.message).toContain(path);
  });

  it('rejects a file shorter than the magic', async () => {
    const path = join(model.dir, 'tiny.gguf.part');
    writeFileSync(path, 'GG');
    expect(await loadError(path)).toBeInstanceOf(TruncatedModelError);
  });
});
