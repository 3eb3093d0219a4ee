import { existsSync } from 'node:fs';
import { readGgufFile } from '@hearth/gguf';
import { isNoModel, modelHelp } from '@hearth/llm';
import type { NodeOverrides } from '../graph/nodeFactories.js';

export interface ModelChoice {
  readonly overrides: NodeOverrides;
  /** Why the named file cannot be the model (with the fix), or undefined when it looks fine. */
  readonly problem?: string;
}

/**
 * `--model FILE|none`. A file the user names explicitly is checked first (header, tensor table
 * and size, without loading it) so the command can say at once what is wrong and how to fix it.
 * A bad file does not stop the command: the llm node is still given it, fails to load it with
 * the same error in its log, and the graph goes on answering from the fallback replies, as a
 * running robot does when its configured model fails.
 */
export async function modelOverrides(model: string | undefined): Promise<ModelChoice> {
  if (model === undefined) return { overrides: {} };
  if (isNoModel(model)) return { overrides: { llm: { model_path: 'none' } } };
  const overrides = { llm: { model_path: model } };
  if (!existsSync(model))
    return { overrides, problem: `Model file not found: ${model}. ${modelHelp}` };
  try {
    await readGgufFile(model);
  } catch (error) {
    return { overrides, problem: error instanceof Error ? error.message : String(error) };
  }
  return { overrides };
}
