import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelRegistry } from '../registry/ModelRegistry.js';
import type { ModelEntry } from '../registry/registrySchema.js';
import { partialPathOf } from '../pull/downloadFile.js';

export type InstallState = 'installed' | 'partial' | 'absent';

export interface RegistryModelStatus {
  readonly entry: ModelEntry;
  readonly state: InstallState;
  readonly path: string;
  /** Bytes on disk: the file when installed, the partial download when partial. */
  readonly bytesOnDisk: number;
}

export interface InstalledModels {
  readonly dir: string;
  readonly models: readonly RegistryModelStatus[];
  /** GGUF files in the folder that no registry entry names (made with make-test, copied in). */
  readonly others: readonly { readonly file: string; readonly bytes: number }[];
}

async function sizeIfFile(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** The registry's models with what the models folder holds of each, plus other GGUF files. */
export async function listInstalled(
  registry: ModelRegistry,
  dir: string,
): Promise<InstalledModels> {
  const models: RegistryModelStatus[] = [];
  for (const entry of registry.models) {
    const path = join(dir, entry.file);
    const installed = await sizeIfFile(path);
    const partial = installed === undefined ? await sizeIfFile(partialPathOf(path)) : undefined;
    models.push({
      entry,
      path,
      state: installed !== undefined ? 'installed' : partial !== undefined ? 'partial' : 'absent',
      bytesOnDisk: installed ?? partial ?? 0,
    });
  }
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    // No folder yet: nothing installed.
  }
  const known = new Set(registry.models.map((model) => model.file));
  const others: { file: string; bytes: number }[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.gguf') || known.has(name)) continue;
    const bytes = await sizeIfFile(join(dir, name));
    if (bytes !== undefined) others.push({ file: name, bytes });
  }
  return { dir, models, others };
}
