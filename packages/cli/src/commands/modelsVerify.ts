import {
  formatSummary,
  loadRegistry,
  registryFileFrom,
  verifyChecksum,
  verifyModelFile,
} from '@hearth/models';

export interface ModelsVerifyOptions {
  readonly json?: boolean;
  /** Also hash the whole file against the registry's SHA-256 (seconds per GB). */
  readonly checksum?: boolean;
  readonly registry?: string;
}

/**
 * `hearth models verify FILE`: checks header, tensor table and size without loading; with
 * `--checksum` also the exact size and SHA-256 the registry gives for the file's name.
 */
export async function modelsVerifyCommand(
  file: string,
  options: ModelsVerifyOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const summary = await verifyModelFile(file);
  const checksum = options.checksum
    ? await verifyChecksum(file, await loadRegistry(registryFileFrom(options.registry)))
    : undefined;
  if (options.json) {
    out.write(JSON.stringify(checksum ? { ...summary, checksum } : summary) + '\n');
    return 0;
  }
  out.write(formatSummary(summary));
  if (checksum) {
    out.write(
      `checksum        matches the registry's ${checksum.model} (SHA-256 ${checksum.sha256})\n`,
    );
  }
  return 0;
}
