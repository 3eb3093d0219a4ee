import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestModel } from '@hearth/gguf';

export interface TestModelDir {
  readonly dir: string;
  readonly modelPath: string;
  remove(): void;
}

/** Writes the tiny test model into a fresh temp dir (never committed, made at test time). */
export async function writeTestModel(): Promise<TestModelDir> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-llm-'));
  const modelPath = join(dir, 'tiny.gguf');
  await makeTestModel({ outPath: modelPath, seed: 1 });
  return { dir, modelPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
