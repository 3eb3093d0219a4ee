import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TruncatedGgufError, InvalidGgufMagicError, makeTestModel } from '@hearth/gguf';
import { ModelFileMissingError, formatSummary, verifyModelFile } from '../src/index.js';

let dir: string;
let model: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-verify-'));
  model = join(dir, 'tiny.gguf');
  await makeTestModel({ outPath: model, quantization: 'Q4_0', contextLength: 1024 });
});

describe('hearth models verify', () => {
  it('summarizes a model without loading it', async () => {
    const summary = await verifyModelFile(model);
    expect(summary).toMatchObject({
      architecture: 'llama',
      name: 'Hearth tiny test model',
      quantization: 'Q4_0',
      contextLength: 1024,
      layers: 2,
      vocabularySize: 598,
      hasChatTemplate: true,
      tensorCount: 21,
    });
    expect(summary.parameters).toBeGreaterThan(150_000);
    expect(summary.parameters).toBeLessThan(170_000);
    expect(summary.tensorBytes).toBeLessThan(summary.fileSize);
    const text = formatSummary(summary);
    expect(text).toMatch(/^architecture\s+llama$/m);
    expect(text).toMatch(/^quantization\s+Q4_0$/m);
    expect(text).toMatch(/^context length\s+1024$/m);
  });

  it('names a missing, foreign or truncated file', async () => {
    await expect(verifyModelFile(join(dir, 'nope.gguf'))).rejects.toThrow(ModelFileMissingError);
    const foreign = join(dir, 'page.gguf');
    await writeFile(foreign, '<html>Not a model</html>'.repeat(10));
    await expect(verifyModelFile(foreign)).rejects.toThrow(InvalidGgufMagicError);
    const truncated = join(dir, 'cut.gguf');
    const bytes = await readFile(model);
    await writeFile(truncated, bytes.subarray(0, bytes.length - 1000));
    await expect(verifyModelFile(truncated)).rejects.toThrow(TruncatedGgufError);
    await expect(verifyModelFile(truncated)).rejects.toThrow(/cut\.gguf/);
  });
});
