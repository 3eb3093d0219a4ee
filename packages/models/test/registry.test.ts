import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_SHAPE_NAMES } from '@hearth/gguf';
import {
  DEFAULT_REGISTRY_FILE,
  RegistryError,
  UnknownModelError,
  loadRegistry,
  registryFileFrom,
} from '../src/index.js';

describe('the repository registry (models/registry.yaml)', () => {
  it('loads, and every entry is well-formed', async () => {
    const registry = await loadRegistry();
    expect(registry.file).toBe(DEFAULT_REGISTRY_FILE);
    expect(registry.models.length).toBeGreaterThanOrEqual(7);
    for (const model of registry.models) {
      // The installed name is the URL's own file name, so a pulled file is recognisable.
      expect(decodeURIComponent(new URL(model.url).pathname.split('/').pop()!)).toBe(model.file);
      expect(new URL(model.url).protocol).toBe('https:');
      expect(model.quantization).toBe('Q4_K_M');
      if (model.shape !== undefined) expect(MODEL_SHAPE_NAMES).toContain(model.shape);
      for (const adapter of model.adapters) {
        expect(adapter.default_scale).toBeGreaterThan(0);
      }
    }
  });

  it('gives every entry a 64-hex SHA-256 and an exact size, each file its own', async () => {
    const registry = await loadRegistry();
    const checksums = new Set<string>();
    for (const model of registry.models) {
      // All seven entries carry the facts found for their exact file (sources in the YAML
      // comments); a wrong or missing one would let a pull install unverified bytes.
      expect({ name: model.name, sha256: model.sha256 }).toEqual({
        name: model.name,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(Number.isSafeInteger(model.size_bytes)).toBe(true);
      // A Q4_K_M GGUF of these models is between 100 MB and 10 GB: a size in another unit
      // (KB, GB) or a typo of a digit or more would fall outside.
      expect(model.size_bytes).toBeGreaterThan(100_000_000);
      expect(model.size_bytes).toBeLessThan(10_000_000_000);
      // A SHA-256 copied onto a second entry by mistake could never match both files.
      expect(checksums.has(model.sha256!)).toBe(false);
      checksums.add(model.sha256!);
    }
  });

  it("lists the thesis' families and current small models", async () => {
    const registry = await loadRegistry();
    expect(registry.names).toEqual(
      expect.arrayContaining([
        'mistral-7b-instruct-v0.2',
        'llama-2-7b-chat',
        'phi-3-mini-4k-instruct',
        'qwen2.5-0.5b-instruct',
        'qwen2.5-1.5b-instruct',
        'llama-3.2-1b-instruct',
        'llama-3.2-3b-instruct',
      ]),
    );
    expect(registry.get('llama-2-7b-chat').chat_template).toBe('llama2');
    expect(registry.get('qwen2.5-0.5b-instruct').chat_template).toBe('chatml');
  });

  it('names the known models when asked for an unknown one', async () => {
    const registry = await loadRegistry();
    expect(() => registry.get('gpt-5')).toThrow(UnknownModelError);
    expect(() => registry.get('gpt-5')).toThrow(/qwen2\.5-0\.5b-instruct/);
  });

  it('takes --registry, then $HEARTH_MODELS_REGISTRY, then the default', () => {
    expect(registryFileFrom('/a.yaml', { HEARTH_MODELS_REGISTRY: '/b.yaml' })).toBe('/a.yaml');
    expect(registryFileFrom(undefined, { HEARTH_MODELS_REGISTRY: '/b.yaml' })).toBe('/b.yaml');
    expect(registryFileFrom(undefined, {})).toBe(DEFAULT_REGISTRY_FILE);
  });
});

describe('registry validation errors', () => {
  const good = {
    name: 'tiny',
    description: 'a model',
    url: 'https://example.org/tiny.gguf',
    file: 'tiny.gguf',
    size_bytes: 100,
    sha256: 'a'.repeat(64),
    licence: 'MIT',
    chat_template: 'chatml',
    context_length: 2048,
    quantization: 'Q4_0',
    parameters: '160M',
  };

  async function registryFile(content: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-registry-'));
    const file = join(dir, 'registry.yaml');
    await writeFile(file, content);
    return file;
  }

  async function failure(models: unknown[]): Promise<RegistryError> {
    const file = await registryFile(JSON.stringify({ version: 1, models }));
    const error = await loadRegistry(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toContain(file);
    return error as RegistryError;
  }

  it('names the entry and the key of a bad value', async () => {
    const error = await failure([good, { ...good, name: 'second', sha256: 'abc' }]);
    expect(error.message).toMatch(/entry 2 \(second\), key sha256: must be 64 lowercase/);
  });

  it('names unknown keys, missing keys and bad URLs', async () => {
    const { licence: _licence, ...withoutLicence } = good;
    expect((await failure([{ ...good, colour: 'red' }])).message).toMatch(
      /entry 1 \(tiny\).*colour/,
    );
    expect((await failure([withoutLicence])).message).toMatch(/entry 1 \(tiny\), key licence/);
    expect((await failure([{ ...good, url: 'ftp://example.org/x.gguf' }])).message).toMatch(
      /key url: must be an http/,
    );
    expect((await failure([{ ...good, file: '../escape.gguf' }])).message).toMatch(/key file/);
  });

  it('refuses a name used twice and an adapter without a scale', async () => {
    expect((await failure([good, good])).message).toMatch(/"tiny" is used twice/);
    const adapter = {
      name: 'lora',
      url: 'https://example.org/l.gguf',
      file: 'l.gguf',
      size_bytes: null,
      sha256: null,
      licence: 'MIT',
    };
    expect((await failure([{ ...good, adapters: [adapter] }])).message).toMatch(
      /entry 1 \(tiny\), key adapters\.0\.default_scale/,
    );
  });

  it('says when the file is missing or not YAML', async () => {
    await expect(loadRegistry('/nonexistent/registry.yaml')).rejects.toThrow(
      /registry\.yaml: file not found; pass --registry FILE/,
    );
    await expect(loadRegistry(await registryFile('models: [\n'))).rejects.toThrow(/not valid YAML/);
  });

  it('accepts null sizes and checksums (unknown), and adapters with a scale', async () => {
    const file = await registryFile(
      JSON.stringify({
        version: 1,
        models: [
          {
            ...good,
            size_bytes: null,
            sha256: null,
            adapters: [
              {
                name: 'lora',
                url: 'https://example.org/l.gguf',
                file: 'l.gguf',
                size_bytes: null,
                sha256: null,
                licence: 'MIT',
                default_scale: 0.8,
              },
            ],
          },
        ],
      }),
    );
    const registry = await loadRegistry(file);
    expect(registry.get('tiny').adapters[0]?.default_scale).toBe(0.8);
  });
});
