import { stat } from 'node:fs/promises';
import { ModelSizeMismatchError } from '../errors/ModelSizeMismatchError.js';
import type { RegistryMatch } from '../registry/registryEntryFor.js';

/**
 * Refuses a registry model whose file is not the registry's exact size, at once and before the
 * SHA-256 (checkRegistryChecksum), which reads the whole file unless a verified marker fits.
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
