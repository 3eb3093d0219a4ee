import { homedir } from 'node:os';
import { join } from 'node:path';

export const MODELS_DIR_ENV = 'HEARTH_MODELS_DIR';

/**
 * Where models are installed: `--dir`, else `$HEARTH_MODELS_DIR`, else
 * `$XDG_CACHE_HOME/hearth/models`, else `~/.cache/hearth/models`.
 */
export function resolveModelsDir(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (option) return option;
  if (env[MODELS_DIR_ENV]) return env[MODELS_DIR_ENV];
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'hearth', 'models');
}
