import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileNotInRegistryError } from '../errors/FileNotInRegistryError.js';
import { InstalledFileMismatchError } from '../errors/InstalledFileMismatchError.js';
import { ModelFileMissingError } from '../errors/ModelFileMissingError.js';
import { sha256File } from '../pull/sha256File.js';
import type { ModelRegistry } from '../registry/ModelRegistry.js';

export interface ChecksumResult {
  /** The registry entry the file was recognised as, by its file name. */
  readonly model: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * The full check of an installed model: its exact size and its SHA-256 against the registry
 * entry whose `file` is this file's name. Reads the whole file (seconds per GB), always: this is
 * `hearth models verify --checksum`, which ignores the verified marker the llm node trusts.
 */
export async function verifyChecksum(
  file: string,
  registry: ModelRegistry,
): Promise<ChecksumResult> {
  const entry = registry.byFile(basename(file));
  if (entry === undefined) {
    throw new FileNotInRegistryError(
      file,
      registry.file,
      `no entry has the file name ${basename(file)}`,
    );
  }
  if (entry.sha256 === null) {
    throw new FileNotInRegistryError(file, registry.file, `the entry ${entry.name} has no sha256`);
  }
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new ModelFileMissingError(file);
  // The size first: a cut file is refused without reading gigabytes.
  if (entry.size_bytes !== null && info.size !== entry.size_bytes) {
    throw new InstalledFileMismatchError(
      file,
      entry.name,
      'size',
      `${entry.size_bytes} bytes`,
      `${info.size} bytes`,
    );
  }
  const sha256 = await sha256File(file);
  if (sha256 !== entry.sha256) {
    throw new InstalledFileMismatchError(file, entry.name, 'SHA-256', entry.sha256, sha256);
  }
  return { model: entry.name, sizeBytes: info.size, sha256 };
}
