import { stat } from 'node:fs/promises';
import { hasVerifiedMarker, writeVerifiedMarker } from '@hearth/models';
import { ModelChecksumMismatchError } from '../errors/ModelChecksumMismatchError.js';
import type { RegistryMatch } from '../registry/registryEntryFor.js';
import { sha256InWorker } from './sha256InWorker.js';

export type ChecksumOutcome = 'trusted' | 'verified' | 'unchecked';

/** Hex SHA-256 of a file; sha256InWorker unless a test injects a slow or failing one. */
export type FileHasher = (file: string) => Promise<string>;

/**
 * True when loading this file must first hash it in full: a registry model with a SHA-256 and
 * no verified marker that still fits. The llm node then starts on the fallback at once.
 */
export async function checksumPending(
  modelPath: string,
  match: RegistryMatch | undefined,
): Promise<boolean> {
  const expected = match?.entry.sha256;
  if (match === undefined || expected === null || expected === undefined) return false;
  // A missing file fails its load at once, with its own error: nothing to wait for.
  if (
    !(await stat(modelPath).then(
      (info) => info.isFile(),
      () => false,
    ))
  )
    return false;
  return !(await hasVerifiedMarker(modelPath, expected));
}

/**
 * Checks a registry model's file against the registry's SHA-256. A file with a marker from
 * `hearth models pull` that still fits (same size and mtime) is trusted at once; any other is
 * hashed (a worker thread, streaming), and a good hash writes the marker, so only the first
 * load of a file pays for it. A file outside the registry, or an entry without a SHA-256, is
 * 'unchecked'. Throws ModelChecksumMismatchError naming the file, both sums and the fix.
 */
export async function checkRegistryChecksum(
  modelPath: string,
  match: RegistryMatch | undefined,
  onNote: (message: string) => void = () => {},
  hash: FileHasher = sha256InWorker,
): Promise<ChecksumOutcome> {
  const expected = match?.entry.sha256;
  if (match === undefined || expected === null || expected === undefined) return 'unchecked';
  if (await hasVerifiedMarker(modelPath, expected)) return 'trusted';
  onNote(`Checking the SHA-256 of ${modelPath} against the model registry (once per file) ...`);
  const actual = await hash(modelPath);
  if (actual !== expected) {
    throw new ModelChecksumMismatchError(
      modelPath,
      match.entry.name,
      expected,
      actual,
      match.registryFile,
    );
  }
  // A read-only models folder only means the next load hashes again.
  await writeVerifiedMarker(modelPath, actual).catch(() => undefined);
  return 'verified';
}
