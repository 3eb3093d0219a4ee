import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { RegistryError } from '../errors/RegistryError.js';
import { ModelRegistry } from './ModelRegistry.js';
import { registrySchema } from './registrySchema.js';

/** The registry in the repository (`models/registry.yaml`); src/ and dist/ sit at the same depth. */
export const DEFAULT_REGISTRY_FILE = fileURLToPath(
  new URL('../../../../models/registry.yaml', import.meta.url),
);

/** Environment variable naming another registry file (tests point it at a local server). */
export const REGISTRY_ENV = 'HEARTH_MODELS_REGISTRY';

/** `--registry FILE`, else `$HEARTH_MODELS_REGISTRY`, else the repository's registry. */
export function registryFileFrom(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return option ?? (env[REGISTRY_ENV] || DEFAULT_REGISTRY_FILE);
}

/** "entry 3 (qwen2.5-0.5b-instruct), key sha256" for an issue at models[2].sha256. */
function describeIssuePath(path: readonly PropertyKey[], raw: unknown): string {
  if (path[0] !== 'models' || typeof path[1] !== 'number') {
    return path.length === 0 ? 'top level' : `key ${path.join('.')}`;
  }
  const index = path[1];
  const models = (raw as { models?: unknown[] }).models;
  const rawName = (models?.[index] as { name?: unknown } | undefined)?.name;
  const entry = `entry ${index + 1}${typeof rawName === 'string' ? ` (${rawName})` : ''}`;
  const rest = path.slice(2);
  return rest.length === 0 ? entry : `${entry}, key ${rest.join('.')}`;
}

function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  return issues
    .map((issue) => {
      const where = describeIssuePath(issue.path, raw);
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      return `${where}: ${issue.message}${keys}`;
    })
    .join('; ');
}

/** Validates already-parsed registry data; `file` is only used in messages. */
export function parseRegistry(raw: unknown, file: string): ModelRegistry {
  const result = registrySchema.safeParse(raw);
  if (!result.success) throw new RegistryError(file, formatIssues(result.error.issues, raw));
  const seen = new Set<string>();
  for (const [index, model] of result.data.models.entries()) {
    if (seen.has(model.name)) {
      throw new RegistryError(file, `entry ${index + 1}: the name "${model.name}" is used twice`);
    }
    seen.add(model.name);
    const adapterNames = new Set<string>();
    for (const adapter of model.adapters) {
      if (adapterNames.has(adapter.name)) {
        throw new RegistryError(
          file,
          `entry ${index + 1} (${model.name}): adapter "${adapter.name}" is listed twice`,
        );
      }
      adapterNames.add(adapter.name);
    }
  }
  return new ModelRegistry(file, result.data.models);
}

/** Reads, parses and validates a registry file (YAML). Errors name the file, entry and key. */
export async function loadRegistry(file: string = DEFAULT_REGISTRY_FILE): Promise<ModelRegistry> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RegistryError(
      file,
      code === 'ENOENT'
        ? 'file not found; pass --registry FILE or set HEARTH_MODELS_REGISTRY to an existing registry'
        : `cannot be read (${String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new RegistryError(file, `is not valid YAML: ${(error as Error).message}`);
  }
  return parseRegistry(raw, file);
}
