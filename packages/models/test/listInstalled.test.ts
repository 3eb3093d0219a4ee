import { describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { listInstalled, parseRegistry, resolveModelsDir } from '../src/index.js';

const entry = (name: string) => ({
  name,
  description: name,
  url: `https://example.org/${name}.gguf`,
  file: `${name}.gguf`,
  size_bytes: 10,
  sha256: null,
  licence: 'MIT',
  chat_template: 'chatml',
  context_length: 2048,
  quantization: 'Q4_0',
  parameters: '1M',
});

describe('installed models', () => {
  it('reports installed, partial and absent entries, and other GGUF files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-list-'));
    await writeFile(join(dir, 'a.gguf'), 'x'.repeat(10));
    await writeFile(join(dir, 'b.gguf.partial'), 'x'.repeat(4));
    await writeFile(join(dir, 'mine.gguf'), 'x'.repeat(7));
    await writeFile(join(dir, 'notes.txt'), 'x');
    const registry = parseRegistry(
      { version: 1, models: [entry('a'), entry('b'), entry('c')] },
      'test',
    );
    const installed = await listInstalled(registry, dir);
    expect(installed.models.map((m) => [m.entry.name, m.state, m.bytesOnDisk])).toEqual([
      ['a', 'installed', 10],
      ['b', 'partial', 4],
      ['c', 'absent', 0],
    ]);
    expect(installed.others).toEqual([{ file: 'mine.gguf', bytes: 7 }]);
  });

  it('treats a missing folder as empty', async () => {
    const registry = parseRegistry({ version: 1, models: [entry('a')] }, 'test');
    const dir = join(await mkdtemp(join(tmpdir(), 'hearth-list-')), 'not-yet');
    const installed = await listInstalled(registry, dir);
    expect(installed.models[0]?.state).toBe('absent');
    await mkdir(dir);
  });

  it('finds the models folder from --dir, $HEARTH_MODELS_DIR, then the cache folder', () => {
    expect(resolveModelsDir('/x', { HEARTH_MODELS_DIR: '/y' })).toBe('/x');
    expect(resolveModelsDir(undefined, { HEARTH_MODELS_DIR: '/y' })).toBe('/y');
    expect(resolveModelsDir(undefined, { XDG_CACHE_HOME: '/c' })).toBe('/c/hearth/models');
    expect(resolveModelsDir(undefined, {})).toBe(join(homedir(), '.cache', 'hearth', 'models'));
  });
});
