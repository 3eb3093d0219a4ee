import { stat } from 'node:fs/promises';
import { ModelSizeMismatchError } from '../errors/ModelSizeMismatchError.js';
import type { RegistryMatch } from '../registry/registryEntryFor.js';

/**
 * Refuses a registry model whose file is not the registry's exact size. Only the size: a full
 * SHA-256 would take seconds per GB at every load; `hearth models verify --checksum` does that.
 * A missing file or an entry without a size passes here; the GGUF checks that follow name those.
 */
export async function checkRegistrySize(
  modelPath: string,
  match: RegistryMatch | undefined,
): Promise<void> {
  const expected = match?.entry.size_bytes;
  if (match === undefined || expected === null || expected === undefined) return;
  const info = await stat(modelPath).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size === expected) return;
  throw new ModelSizeMismatchError(
    modelPath,
    match.entry.name,
    expected,
    info.size,
    match.registryFile,
  );
}
