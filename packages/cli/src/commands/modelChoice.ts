import { existsSync } from 'node:fs';
import { readGgufFile } from '@hearth/gguf';
import { isNoModel, modelHelp } from '@hearth/llm';
import { CliError } from '../errors.js';
import type { NodeOverrides } from '../graph/nodeFactories.js';

/**
 * `--model FILE|none`. A file the user names explicitly is checked (header, tensor table and
 * size, without loading it) before anything starts, so a missing or corrupt one stops the command
 * with the file and the fix, instead of the robot quietly answering from the fallback responder,
 * which is what a running robot does when its configured model fails.
 */
export async function modelOverrides(model: string | undefined): Promise<NodeOverrides> {
  if (model === undefined) return {};
  if (isNoModel(model)) return { llm: { model_path: 'none' } };
  if (!existsSync(model)) throw new CliError(`Model file not found: ${model}. ${modelHelp}`);
  try {
    await readGgufFile(model);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return { llm: { model_path: model } };
}
