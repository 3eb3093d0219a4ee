import { REGISTRY_ENV } from '@hearth/models';
import { afterAll } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { EngineConfig } from '../../src/LlmParameters.js';

export const sha256Of = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

export interface RegistryModel {
  readonly name: string;
  readonly sha256: string;
  /** Defaults to `${name}.gguf`. */
  readonly file?: string;
  readonly sizeBytes?: number | null;
  /** Extra YAML lines under the entry (e.g. its adapters), already indented. */
  readonly extra?: readonly string[];
}

/** One models: entry of a temp registry for a generated tiny model. */
export function registryEntryLines(model: RegistryModel): string[] {
  const file = model.file ?? `${model.name}.gguf`;
  const size = model.sizeBytes ?? null;
  return [
    `  - name: ${model.name}`,
    '    description: a generated tiny model',
    `    url: https://example.org/${file}`,
    `    file: ${file}`,
    `    size_bytes: ${size === null ? 'null' : String(size)}`,
    `    sha256: ${model.sha256}`,
    '    licence: Apache-2.0',
    '    chat_template: chatml',
    '    context_length: 2048',
    '    quantization: Q8_0',
    '    parameters: 1M',
    ...(model.extra ?? []),
  ];
}

/**
 * Writes a registry listing `models` to `registryFile` and points REGISTRY_ENV at it; the
 * previous value is put back after the test file (call from beforeAll).
 */
export function writeTestRegistry(registryFile: string, models: readonly RegistryModel[]): void {
  writeFileSync(
    registryFile,
    ['version: 1', 'models:', ...models.flatMap(registryEntryLines), ''].join('\n'),
  );
  process.env[REGISTRY_ENV] = registryFile;
}

/** Restores REGISTRY_ENV after the test file; call once at module level. */
export function restoreRegistryEnvAfterAll(): void {
  const previous = process.env[REGISTRY_ENV];
  afterAll(() => {
    if (previous === undefined) delete process.env[REGISTRY_ENV];
    else process.env[REGISTRY_ENV] = previous;
  });
}

/** An inline engine config on one thread with no LoRA or memory limit, as these tests load it. */
export function testEngineConfig(
  modelPath: string,
  overrides: Partial<EngineConfig> = {},
): EngineConfig {
  return {
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
    ...overrides,
  };
}
