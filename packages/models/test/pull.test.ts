import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidGgufMagicError, makeTestModel } from '@hearth/gguf';
import {
  hasVerifiedMarker,
  verifiedMarkerPath,
  type VerifiedMarker,
  ChecksumMismatchError,
  DownloadInterruptedError,
  HttpStatusError,
  UnverifiedDownloadError,
  loadRegistry,
  partialPathOf,
  pullModel,
  type ModelRegistry,
} from '../src/index.js';
import { ModelServer } from './support/ModelServer.js';

const server = new ModelServer();
let model: Uint8Array;
let modelSha: string;
let registry: ModelRegistry;
let work: string;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A test registry pointing at the local server, as `--registry FILE` would name it. */
async function writeTestRegistry(base: string): Promise<string> {
  const entry = (
    name: string,
    path: string,
    sha256: string | null,
    size: number | null = model.length,
  ) => ({
    name,
    description: `served by the test server at ${path}`,
    url: `${base}${path}`,
    file: `${name}.gguf`,
    size_bytes: size,
    sha256,
    licence: 'Apache-2.0',
    chat_template: 'chatml',
    context_length: 2048,
    quantization: 'Q4_0',
    parameters: '160M',
  });
  const file = join(work, 'registry.yaml');
  const wrongSha = 'f'.repeat(64);
  await writeFile(
    file,
    JSON.stringify({
      version: 1,
      models: [
        entry('tiny', '/tiny.gguf', modelSha),
        entry('flaky', '/flaky.gguf', modelSha),
        entry('resumed', '/resumed.gguf', modelSha),
        entry('wrong-sha', '/tiny.gguf', wrongSha),
        entry('missing', '/missing.gguf', modelSha),
        entry('unverified', '/tiny.gguf', null),
        entry('html-page', '/page.gguf', null, null),
      ],
    }),
  );
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hearth-pull-'));
  const modelFile = join(work, 'served.gguf');
  await makeTestModel({ outPath: modelFile, quantization: 'Q4_0' });
  model = new Uint8Array(await readFile(modelFile));
  modelSha = createHash('sha256').update(model).digest('hex');
  for (const path of ['/tiny.gguf', '/flaky.gguf', '/resumed.gguf']) server.serve(path, model);
  server.serve(
    '/page.gguf',
    new TextEncoder().encode('<html><body>Sign in to continue</body></html>'),
  );
  registry = await loadRegistry(await writeTestRegistry(await server.start()));
});

afterAll(async () => {
  await server.stop();
});

async function freshDir(): Promise<string> {
  return mkdtemp(join(work, 'models-'));
}

describe('hearth models pull (against a local HTTP server)', () => {
  it('downloads, checks the SHA-256 and renames into place', async () => {
    const dir = await freshDir();
    const [pulled] = await pullModel({ registry, name: 'tiny', dir });
    expect(pulled?.outcome).toBe('downloaded');
    expect(pulled?.download).toMatchObject({
      verified: true,
      sha256: modelSha,
      bytes: model.length,
      resumedFrom: 0,
    });
    expect(new Uint8Array(await readFile(join(dir, 'tiny.gguf')))).toEqual(model);
    expect(await exists(partialPathOf(join(dir, 'tiny.gguf')))).toBe(false);

    const [again] = await pullModel({ registry, name: 'tiny', dir });
    expect(again?.outcome).toBe('present');

    // Cut short after install: not the registry's size, so pulling again downloads it again.
    await truncate(join(dir, 'tiny.gguf'), model.length - 100);
    const [repaired] = await pullModel({ registry, name: 'tiny', dir });
    expect(repaired?.outcome).toBe('downloaded');
    expect((await stat(join(dir, 'tiny.gguf'))).size).toBe(model.length);
  });

  it('keeps what arrived when the connection drops, and resumes with a Range request', async () => {
    const dir = await freshDir();
    const half = Math.floor(model.length / 2);
    server.dropAfter('/resumed.gguf', half);
    const failure = await pullModel({ registry, name: 'resumed', dir, retries: 0 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DownloadInterruptedError);
    expect((failure as Error).message).toMatch(/run the same command again to resume/);
    const partial = partialPathOf(join(dir, 'resumed.gguf'));
    expect((await stat(partial)).size).toBe(half);
    expect(await exists(join(dir, 'resumed.gguf'))).toBe(false);

    const [pulled] = await pullModel({ registry, name: 'resumed', dir });
    expect(pulled?.download).toMatchObject({ resumedFrom: half, verified: true, connections: 1 });
    expect(server.requests.filter((r) => r.path === '/resumed.gguf').map((r) => r.range)).toEqual([
      undefined,
      `bytes=${half}-`,
    ]);
    expect(new Uint8Array(await readFile(join(dir, 'resumed.gguf')))).toEqual(model);
    expect(await exists(partial)).toBe(false);
  });

  it('reconnects by itself within one pull when the connection drops', async () => {
    const dir = await freshDir();
    server.dropAfter('/flaky.gguf', 1000);
    server.dropAfter('/flaky.gguf', 2000);
    const [pulled] = await pullModel({ registry, name: 'flaky', dir, retryDelayMs: 0 });
    expect(pulled?.download).toMatchObject({ connections: 3, verified: true, sha256: modelSha });
    expect(server.requests.filter((r) => r.path === '/flaky.gguf').map((r) => r.range)).toEqual([
      undefined,
      'bytes=1000-',
      'bytes=3000-',
    ]);
  });

  it('writes a verified marker (sha256, size, mtime) beside a checked download', async () => {
    const dir = await freshDir();
    const [pulled] = await pullModel({ registry, name: 'flaky', dir, retryDelayMs: 0 });
    const path = pulled?.path ?? '';
    const marker = JSON.parse(await readFile(verifiedMarkerPath(path), 'utf8')) as VerifiedMarker;
    const info = await stat(path);
    expect(marker).toEqual({ sha256: modelSha, size: info.size, mtimeMs: info.mtimeMs });
    expect(await hasVerifiedMarker(path, modelSha)).toBe(true);
    expect(await hasVerifiedMarker(path, 'f'.repeat(64))).toBe(false);
    await utimes(path, new Date(0), new Date(0)); // changed since: hashed again at load
    expect(await hasVerifiedMarker(path, modelSha)).toBe(false);
  });

  it('deletes a download whose SHA-256 is wrong, naming expected and actual', async () => {
    const dir = await freshDir();
    const error = await pullModel({ registry, name: 'wrong-sha', dir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect((error as Error).message).toContain(`expects ${'f'.repeat(64)}`);
    expect((error as Error).message).toContain(`has SHA-256 ${modelSha}`);
    expect(await exists(join(dir, 'wrong-sha.gguf'))).toBe(false);
    expect(await exists(partialPathOf(join(dir, 'wrong-sha.gguf')))).toBe(false);
  });

  it('reports an HTTP error status with a hint', async () => {
    const dir = await freshDir();
    const error = await pullModel({ registry, name: 'missing', dir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(404);
    expect((error as Error).message).toMatch(
      /missing\.gguf failed: HTTP 404 Not Found.*out of date/,
    );
    expect(await exists(join(dir, 'missing.gguf'))).toBe(false);
  });

  it('refuses an entry without a SHA-256 unless told to skip the check', async () => {
    const dir = await freshDir();
    const before = server.requests.length;
    await expect(pullModel({ registry, name: 'unverified', dir })).rejects.toThrow(
      UnverifiedDownloadError,
    );
    await expect(pullModel({ registry, name: 'unverified', dir })).rejects.toThrow(
      /--insecure-skip-checksum/,
    );
    expect(server.requests.length).toBe(before); // refused before any download

    const [pulled] = await pullModel({
      registry,
      name: 'unverified',
      dir,
      insecureSkipChecksum: true,
    });
    expect(pulled?.download).toMatchObject({ verified: false, sha256: modelSha });
  });

  it('never installs something that is not a GGUF file, such as an HTML page', async () => {
    const dir = await freshDir();
    await expect(
      pullModel({ registry, name: 'html-page', dir, insecureSkipChecksum: true }),
    ).rejects.toThrow(InvalidGgufMagicError);
    expect(await exists(join(dir, 'html-page.gguf'))).toBe(false);
    expect(await exists(partialPathOf(join(dir, 'html-page.gguf')))).toBe(false);
  });
});
