import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UnverifiedDownloadError } from '../errors/UnverifiedDownloadError.js';
import { writeVerifiedMarker } from '../verify/verifiedMarker.js';
import type { ModelRegistry } from '../registry/ModelRegistry.js';
import type { DownloadProgress } from './DownloadProgress.js';
import { downloadFile, type DownloadResult } from './downloadFile.js';

export interface PullModelOptions {
  readonly registry: ModelRegistry;
  readonly name: string;
  readonly dir: string;
  /** Install files whose registry entry has no SHA-256 (their computed SHA-256 is reported). */
  readonly insecureSkipChecksum?: boolean;
  /** Download again even when the file is already installed. */
  readonly force?: boolean;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** A progress reporter per file (the model, then each adapter). */
  readonly progress?: (label: string) => DownloadProgress;
  readonly signal?: AbortSignal;
}

export interface PulledFile {
  readonly label: string;
  /** 'downloaded', or 'present' when it was already installed and not downloaded again. */
  readonly outcome: 'downloaded' | 'present';
  readonly path: string;
  readonly download?: DownloadResult;
}

interface FileToPull {
  readonly label: string;
  readonly url: string;
  readonly file: string;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
  readonly gguf: boolean;
}

/**
 * Whether `path` is an installed copy: it exists and, when the registry knows the size, has
 * exactly that size. A file cut short or replaced after install is downloaded again, so
 * `hearth models pull NAME` is the fix the llm node names for a size mismatch.
 */
async function installed(path: string, sizeBytes: number | null): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return false;
  return sizeBytes === null || info.size === sizeBytes;
}

/**
 * Installs a registry model and its LoRA adapters into `dir`. Refuses, before any download, an
 * entry without a SHA-256 unless `insecureSkipChecksum` is set.
 */
export async function pullModel(options: PullModelOptions): Promise<PulledFile[]> {
  const { registry, dir } = options;
  const entry = registry.get(options.name);
  const files: FileToPull[] = [
    {
      label: entry.name,
      url: entry.url,
      file: entry.file,
      sizeBytes: entry.size_bytes,
      sha256: entry.sha256,
      gguf: true,
    },
    ...entry.adapters.map((adapter) => ({
      label: `${entry.name} adapter ${adapter.name}`,
      url: adapter.url,
      file: adapter.file,
      sizeBytes: adapter.size_bytes,
      sha256: adapter.sha256,
      gguf: true,
    })),
  ];
  if (!options.insecureSkipChecksum) {
    const unverified = files.find((file) => file.sha256 === null);
    if (unverified) throw new UnverifiedDownloadError(unverified.label, registry.file);
  }

  const pulled: PulledFile[] = [];
  for (const file of files) {
    const path = join(dir, file.file);
    if (!options.force && (await installed(path, file.sizeBytes))) {
      pulled.push({ label: file.label, outcome: 'present', path });
      continue;
    }
    // A wrong-sized copy stays until the new one is renamed over it.
    if (options.force) await rm(path, { force: true });
    const download = await downloadFile({
      url: file.url,
      destination: path,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
      checkGguf: file.gguf,
      retries: options.retries,
      retryDelayMs: options.retryDelayMs,
      progress: options.progress?.(file.label),
      signal: options.signal,
    });
    // Checked against the registry's SHA-256 just now: the llm node trusts this file without
    // hashing it again while it stays the same size and mtime.
    if (file.sha256 !== null) await writeVerifiedMarker(path, download.sha256);
    pulled.push({ label: file.label, outcome: 'downloaded', path, download });
  }
  return pulled;
}
