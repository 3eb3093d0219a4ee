import { basename } from 'node:path';
import { loadRegistry, registryFileFrom, type ModelEntry } from '@hearth/models';

export interface RegistryMatch {
  readonly entry: ModelEntry;
  /** The registry file the entry came from, named in messages. */
  readonly registryFile: string;
}

export interface RegistryLookupOptions {
  /** Registry file; default `$HEARTH_MODELS_REGISTRY`, else the repository's. */
  readonly registryFile?: string;
  readonly onError?: (message: string) => void;
}

/**
 * The model registry's entry for a model file, recognised by its file name (`file` in
 * models/registry.yaml), or undefined when the registry does not list it. A registry that
 * cannot be read gives undefined (with the reason to `onError`), never a failed load: a model
 * outside the registry is still a model.
 */
export async function registryEntryFor(
  modelPath: string,
  options: RegistryLookupOptions = {},
): Promise<RegistryMatch | undefined> {
  const registryFile = registryFileFrom(options.registryFile);
  try {
    const registry = await loadRegistry(registryFile);
    const entry = registry.byFile(basename(modelPath));
    return entry === undefined ? undefined : { entry, registryFile: registry.file };
  } catch (error) {
    options.onError?.(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
