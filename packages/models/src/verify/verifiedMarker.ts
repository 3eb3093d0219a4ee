import { readFile, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A small file beside a model saying "this file, at this size and mtime, had this SHA-256": what
 * `hearth models pull` checked. The llm node trusts a marker that still fits the file instead of
 * hashing gigabytes at every load; a file changed since (size or mtime) is hashed again.
 */
export const VERIFIED_MARKER_SUFFIX = '.verified.json';

const markerSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});

export type VerifiedMarker = z.infer<typeof markerSchema>;

export function verifiedMarkerPath(file: string): string {
  return `${file}${VERIFIED_MARKER_SUFFIX}`;
}

/** Records that `file`, as it is now, has the SHA-256 `sha256`. */
export async function writeVerifiedMarker(file: string, sha256: string): Promise<void> {
  const info = await stat(file);
  const marker: VerifiedMarker = { sha256, size: info.size, mtimeMs: info.mtimeMs };
  await writeFile(verifiedMarkerPath(file), `${JSON.stringify(marker)}\n`);
}

/**
 * True when `file` has a marker for `sha256` and has not changed since (same size and mtime).
 * A missing, unreadable or stale marker is false: the caller hashes the file instead.
 */
export async function hasVerifiedMarker(file: string, sha256: string): Promise<boolean> {
  try {
    const marker = markerSchema.parse(JSON.parse(await readFile(verifiedMarkerPath(file), 'utf8')));
    const info = await stat(file);
    return marker.sha256 === sha256 && marker.size === info.size && marker.mtimeMs === info.mtimeMs;
  } catch {
    return false;
  }
}
