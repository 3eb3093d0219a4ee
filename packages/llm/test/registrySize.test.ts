// A registry model whose installed file is no longer the registry's exact size (cut short or
// replaced after install) is refused at load, naming the file, both sizes and the fix, and the
// node answers from the fallback. A generated tiny model is registered in a temp registry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { makeTestModel } from '@hearth/gguf';
import { copyFileSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegistrySize } from '../src/engine/checkRegistrySize.js';
import { ModelSizeMismatchError } from '../src/errors/ModelSizeMismatchError.js';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import type { EngineConfig } from '../src/LlmParameters.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';
import { registryEntryFor } from '../src/registry/registryEntryFor.js';
import {
  restoreRegistryEnvAfterAll,
  sha256Of,
  testEngineConfig,
  writeTestRegistry,
} from './support/testRegistry.js';

let dir: string;
let registryFile: string;
let original: string;
let size: number;
const config = (modelPath: string): EngineConfig => testEngineConfig(modelPath, { loraScale: 1 });
restoreRegistryEnvAfterAll();

/** A copy of the tiny model under the registry's file name `file`, in its own folder. */
function install(file: string): string {
  const folder = mkdtempSync(join(dir, 'installed-'));
  const path = join(folder, file);
  copyFileSync(original, path);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-registry-size-'));
  original = join(dir, 'tiny.gguf');
  await makeTestModel({ outPath: original, seed: 1 });
  size = statSync(original).size;
  registryFile = join(dir, 'registry.yaml');
  writeTestRegistry(registryFile, [
    // The real SHA-256, so the checksum check at load passes the exact copy.
    { name: 'tiny-registered', sizeBytes: size, sha256: sha256Of(original) },
    { name: 'tiny-unsized', sizeBytes: null, sha256: 'ab'.repeat(32) },
  ]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a registry model's size at load", () => {
  it('passes the exact size, an unregistered file and an entry without a size', async () => {
    const exact = install('tiny-registered.gguf');
    expect((await registryEntryFor(exact))?.entry.name).toBe('tiny-registered');
    await expect(checkRegistrySize(exact, await registryEntryFor(exact))).resolves.toBeUndefined();
    const unregistered = install('mine.gguf');
    expect(await registryEntryFor(unregistered)).toBeUndefined();
    await expect(
      checkRegistrySize(unregistered, await registryEntryFor(unregistered)),
    ).resolves.toBeUndefined();
    const unsized = install('tiny-unsized.gguf');
    truncateSync(unsized, size - 10);
    await expect(
      checkRegistrySize(unsized, await registryEntryFor(unsized)),
    ).resolves.toBeUndefined();
  });

  it('refuses a file replaced after install (longer), naming file, sizes and fixes', async () => {
    const replaced = install('tiny-registered.gguf');
    await appendFile(replaced, Buffer.alloc(32));
    const error = await checkRegistrySize(replaced, await registryEntryFor(replaced)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ModelSizeMismatchError);
    expect(error).toMatchObject({
      filePath: replaced,
      model: 'tiny-registered',
      expectedBytes: size,
      actualBytes: size + 32,
      registryFile,
    });
    const message = (error as Error).message;
    expect(message).toContain(replaced);
    expect(message).toContain(`${size + 32} bytes`);
    expect(message).toContain(`exactly ${size}`);
    expect(message).toContain('`hearth models pull tiny-registered`');
    expect(message).toContain(`\`hearth models verify --checksum ${replaced}\``);
  });

  it('leaves the node on the fallback for a truncated registry model, with the reason logged', async () => {
    const truncated = install('tiny-registered.gguf');
    truncateSync(truncated, size - 1);
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
    try {
      const engine = await loadReplyEngine(config(truncated), transport.createNode('llm').logger);
      expect(engine).toBeInstanceOf(FallbackResponder);
      const result = await engine.generate({ sessionId: 's', userText: 'I feel alone.' });
      expect(result.fallback).toBe(true);
      expect(result.reply.length).toBeGreaterThan(0);
      const [line] = capture.linesOf('llm', 'error');
      expect(line).toMatchObject({ error: 'ModelSizeMismatchError', file: truncated });
      expect(line?.msg).toContain(`has ${size - 1} bytes`);
      expect(line?.msg).toContain('Answering from built-in supportive replies');
      await engine.dispose();
    } finally {
      await transport.shutdown();
    }
  });

  it('loads the registry model when its size is exact', async () => {
    const exact = install('tiny-registered.gguf');
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
    try {
      const engine = await loadReplyEngine(config(exact), transport.createNode('llm').logger);
      expect(engine).not.toBeInstanceOf(FallbackResponder);
      expect(capture.linesOf('llm', 'error')).toEqual([]);
      await engine.dispose();
    } finally {
      await transport.shutdown();
    }
  });
});
