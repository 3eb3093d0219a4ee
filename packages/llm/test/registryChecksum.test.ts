// A registry model is checked against the registry's SHA-256 at load: a generated tiny model
// registered with another checksum leaves the node on the fallback with an error naming the
// file, both sums and the fix; with its real checksum it loads and answers, and the verified
// marker written then lets the next load trust the file without hashing it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport, type Logger } from '@hearth/graph';
import { makeTestModel } from '@hearth/gguf';
import { hasVerifiedMarker } from '@hearth/models';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegistryChecksum } from '../src/engine/checkRegistryChecksum.js';
import { ModelChecksumMismatchError } from '../src/errors/ModelChecksumMismatchError.js';
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
let sha256: string;
const wrongSha256 = 'ab'.repeat(32);
const config = (modelPath: string): EngineConfig => testEngineConfig(modelPath);
restoreRegistryEnvAfterAll();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-registry-sha-'));
  const original = join(dir, 'original.gguf');
  await makeTestModel({ outPath: original, seed: 1 });
  sha256 = sha256Of(original);
  copyFileSync(original, join(dir, 'tiny-good.gguf'));
  copyFileSync(original, join(dir, 'tiny-bad.gguf'));
  writeTestRegistry(join(dir, 'registry.yaml'), [
    { name: 'tiny-good', sha256 },
    { name: 'tiny-bad', sha256: wrongSha256 },
  ]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function withLogger<T>(
  run: (logger: Logger) => Promise<T>,
): Promise<{ result: T; capture: LogCapture }> {
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
  try {
    return { result: await run(transport.createNode('llm').logger), capture };
  } finally {
    await transport.shutdown();
  }
}

describe("a registry model's SHA-256 at load", () => {
  it('leaves the node on the fallback for a wrong checksum, naming file, sums and fix', async () => {
    const bad = join(dir, 'tiny-bad.gguf');
    const { capture } = await withLogger(async (logger) => {
      const engine = await loadReplyEngine(config(bad), logger);
      expect(engine).toBeInstanceOf(FallbackResponder);
      const result = await engine.generate({ sessionId: 's', userText: 'I feel alone.' });
      expect(result.fallback).toBe(true);
      await engine.dispose();
    });
    const [line] = capture.linesOf('llm', 'error');
    expect(line).toMatchObject({ error: 'ModelChecksumMismatchError', file: bad });
    expect(line?.msg).toContain(`has SHA-256 ${sha256}`);
    expect(line?.msg).toContain(wrongSha256);
    expect(line?.msg).toContain('`hearth models pull tiny-bad --force`');
    expect(await hasVerifiedMarker(bad, sha256)).toBe(false);
    await expect(checkRegistryChecksum(bad, await registryEntryFor(bad))).rejects.toBeInstanceOf(
      ModelChecksumMismatchError,
    );
  });

  it('loads and answers with a matching checksum, then trusts the marker it wrote', async () => {
    const good = join(dir, 'tiny-good.gguf');
    const { capture } = await withLogger(async (logger) => {
      const engine = await loadReplyEngine(config(good), logger);
      expect(engine).not.toBeInstanceOf(FallbackResponder);
      const result = await engine.generate(
        { sessionId: 's', userText: 'I feel alone.' },
        { sampling: { maxTokens: 4, temperature: 0, seed: 1 } },
      );
      expect(result.fallback).toBe(false);
      await engine.dispose();
    });
    expect(capture.linesOf('llm', 'error')).toEqual([]);
    expect(await hasVerifiedMarker(good, sha256)).toBe(true);
    expect(await checkRegistryChecksum(good, await registryEntryFor(good))).toBe('trusted');
    const unregistered = join(dir, 'original.gguf');
    expect(await checkRegistryChecksum(unregistered, await registryEntryFor(unregistered))).toBe(
      'unchecked',
    );
  });
});
