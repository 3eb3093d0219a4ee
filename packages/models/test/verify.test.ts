import { beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ENGLISH_WORDS,
  Q4_0_BLOCK_BYTES,
  QUANT_BLOCK_SIZE,
  SpmVocabulary,
  TINY_LLAMA_SPEC,
  TruncatedGgufError,
  InvalidGgufMagicError,
  makeTestModel,
  readGgufFile,
  writeTransformerModel,
} from '@hearth/gguf';
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

describe('hearth models verify on a shape-like model cut short', () => {
  // Qwen2.5's layout at the tiny model's width, with a vocabulary big enough (48,000 tokens;
  // Qwen2.5's real 151,936 make 4.5 MB) that its metadata runs past the reader's first 1 MiB
  // read, as every real model's does: what an interrupted download of a shape or real model
  // looks like, in 3 MB.
  let shapeLike: string;
  let info: Awaited<ReturnType<typeof readGgufFile>>;
  beforeAll(async () => {
    shapeLike = join(dir, 'shape-like-qwen2.gguf');
    const vocab = new SpmVocabulary({
      words: ENGLISH_WORDS,
      controlTokens: ['<|im_start|>', '<|im_end|>'],
      padToSize: 48_000,
    });
    const spec = { ...TINY_LLAMA_SPEC, architecture: 'qwen2' as const, tiedEmbeddings: true };
    // All-zero blocks are valid Q4_0 and F32, and cost nothing to make.
    await writeTransformerModel(shapeLike, spec, vocab, 'Q4_0', (tensor, encoding) => {
      const count = tensor.dims.reduce((product, dim) => product * dim, 1);
      return new Uint8Array(
        encoding === 'Q4_0' ? (count / QUANT_BLOCK_SIZE) * Q4_0_BLOCK_BYTES : count * 4,
      );
    });
    info = await readGgufFile(shapeLike);
  });

  it('summarizes the whole file', async () => {
    expect(info.dataOffset).toBeGreaterThan(1 << 20);
    await expect(verifyModelFile(shapeLike)).resolves.toMatchObject({
      architecture: 'qwen2',
      vocabularySize: 48_000,
      quantization: 'Q4_0',
      fileSize: info.fileSize,
    });
  });

  it.each([
    ['inside the vocabulary, past the first read', () => (1 << 20) + 12_345],
    ['at the end of the tensor table, before any weights', () => info.dataOffset],
    ['one byte short', () => info.fileSize - 1],
  ])('names the file and how much is missing when cut %s', async (_where, cutAt) => {
    const cut = join(dir, 'cut-shape-like.gguf');
    await copyFile(shapeLike, cut);
    const size = cutAt();
    await truncate(cut, size);
    const error = await verifyModelFile(cut).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TruncatedGgufError);
    const truncated = error as TruncatedGgufError;
    expect(truncated.file).toBe(cut);
    expect(truncated.actualBytes).toBe(size);
    expect(truncated.expectedBytes).toBeGreaterThan(size);
    // Once the tensor table is read, the exact size the table needs is known.
    if (size >= info.dataOffset) expect(truncated.expectedBytes).toBe(info.expectedFileSize);
    expect(truncated.message).toContain(`${cut} is truncated`);
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
