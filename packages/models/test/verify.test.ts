import { beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TruncatedGgufError, InvalidGgufMagicError, makeTestModel } from '@hearth/gguf';
import {
  FileNotInRegistryError,
  InstalledFileMismatchError,
  ModelFileMissingError,
  formatSummary,
  parseRegistry,
  verifyChecksum,
  verifyModelFile,
} from '../src/index.js';

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

describe('hearth models verify --checksum', () => {
  const entry = (name: string, file: string, sizeBytes: number, sha256: string | null) => ({
    name,
    description: 'a generated tiny model',
    url: `https://example.org/${file}`,
    file,
    size_bytes: sizeBytes,
    sha256,
    licence: 'MIT',
    chat_template: 'chatml',
    context_length: 1024,
    quantization: 'Q4_0',
    parameters: '1M',
  });

  it('matches the registry entry with the file name, and names each mismatch', async () => {
    const bytes = await readFile(model);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const registry = parseRegistry(
      {
        version: 1,
        models: [
          entry('tiny', 'tiny.gguf', bytes.length, sha),
          entry('other', 'other.gguf', bytes.length, 'ab'.repeat(32)),
          entry('unhashed', 'unhashed.gguf', bytes.length, null),
        ],
      },
      'test-registry.yaml',
    );
    await expect(verifyChecksum(model, registry)).resolves.toEqual({
      model: 'tiny',
      sizeBytes: bytes.length,
      sha256: sha,
    });

    // Same size, other bytes: only the hash can tell.
    const other = join(dir, 'other.gguf');
    await copyFile(model, other);
    await expect(verifyChecksum(other, registry)).rejects.toThrow(InstalledFileMismatchError);
    await expect(verifyChecksum(other, registry)).rejects.toThrow(
      /SHA-256 is [0-9a-f]{64}, but the registry expects (ab){32}.*hearth models pull other/,
    );

    const longer = join(await mkdtemp(join(dir, 'longer-')), 'tiny.gguf');
    await copyFile(model, longer);
    await appendFile(longer, Buffer.alloc(8));
    await expect(verifyChecksum(longer, registry)).rejects.toThrow(
      `its size is ${bytes.length + 8} bytes, but the registry expects ${bytes.length} bytes`,
    );

    const unhashed = join(dir, 'unhashed.gguf');
    await copyFile(model, unhashed);
    await expect(verifyChecksum(unhashed, registry)).rejects.toThrow(/unhashed has no sha256/);
    await expect(verifyChecksum(join(dir, 'page.gguf'), registry)).rejects.toThrow(
      FileNotInRegistryError,
    );
  });
});
