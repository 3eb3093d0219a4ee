// A registry model is checked against the registry's SHA-256 at load: a generated tiny model
// registered with another checksum leaves the node on the fallback with an error naming the
// file, both sums and the fix; with its real checksum it loads and answers, and the verified
// marker written then lets the next load trust the file without hashing it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport, type Logger } from '@hearth/graph';
import { makeTestModel } from '@hearth/gguf';
import { REGISTRY_ENV, hasVerifiedMarker } from '@hearth/models';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegistryChecksum } from '../src/engine/checkRegistryChecksum.js';
import { ModelChecksumMismatchError } from '../src/errors/ModelChecksumMismatchError.js';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import type { EngineConfig } from '../src/LlmParameters.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';
import { registryEntryFor } from '../src/registry/registryEntryFor.js';

let dir: string;
let sha256: string;
const wrongSha256 = 'ab'.repeat(32);
const previousRegistry = process.env[REGISTRY_ENV];

function registryEntry(name: string, sum: string): string[] {
  return [
    `  - name: ${name}`,
    '    description: a generated tiny model',
    `    url: https://example.org/${name}.gguf`,
    `    file: ${name}.gguf`,
    '    size_bytes: null',
    `    sha256: ${sum}`,
    '    licence: Apache-2.0',
    '    chat_template: chatml',
    '    context_length: 2048',
    '    quantization: Q8_0',
    '    parameters: 1M',
  ];
}

const config = (modelPath: string): EngineConfig => ({
  modelPath,
  threads: 1,
  contextSize: 512,
  maxSessions: 1,
  chatTemplate: '',
  loraPath: '',
  loraScale: undefined,
  modelProcess: 'inline',
  memoryLimitMb: 0,
  memoryMarginMb: 0,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-registry-sha-'));
  const original = join(dir, 'original.gguf');
  await makeTestModel({ outPath: original, seed: 1 });
  sha256 = createHash('sha256').update(readFileSync(original)).digest('hex');
  copyFileSync(original, join(dir, 'tiny-good.gguf'));
  copyFileSync(original, join(dir, 'tiny-bad.gguf'));
  const registryFile = join(dir, 'registry.yaml');
  writeFileSync(
    registryFile,
    [
      'version: 1',
      'models:',
      ...registryEntry('tiny-good', sha256),
      ...registryEntry('tiny-bad', wrongSha256),
      '',
    ].join('\n'),
  );
  process.env[REGISTRY_ENV] = registryFile;
});

afterAll(() => {
  if (previousRegistry === undefined) delete process.env[REGISTRY_ENV];
  else process.env[REGISTRY_ENV] = previousRegistry;
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
