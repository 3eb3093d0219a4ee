import {
  TerminalProgress,
  formatBytes,
  loadRegistry,
  pullModel,
  registryFileFrom,
  resolveModelsDir,
  silentProgress,
} from '@hearth/models';
import { CliError } from '../errors.js';

export interface ModelsPullOptions {
  readonly registry?: string;
  readonly dir?: string;
  readonly insecureSkipChecksum?: boolean;
  readonly force?: boolean;
  readonly retries?: number;
}

/**
 * `hearth models pull NAME`: downloads a registry model (and its adapters) with a progress bar
 * on stderr when it is a terminal, resume, checksum and atomic install.
 */
export async function modelsPullCommand(
  name: string,
  options: ModelsPullOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const registry = await loadRegistry(registryFileFrom(options.registry));
  const dir = resolveModelsDir(options.dir);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const pulled = await pullModel({
      registry,
      name,
      dir,
      insecureSkipChecksum: options.insecureSkipChecksum,
      force: options.force,
      retries: options.retries,
      signal: abort.signal,
      progress: (label) =>
        TerminalProgress.enabledFor(err) ? new TerminalProgress(label, err) : silentProgress,
    });
    for (const file of pulled) {
      if (file.outcome === 'present') {
        out.write(
          `${file.label}: already installed at ${file.path} (--force downloads it again)\n`,
        );
        continue;
      }
      const download = file.download!;
      const resumed =
        download.resumedFrom > 0 ? `, resumed at ${formatBytes(download.resumedFrom)}` : '';
      out.write(
        `${file.label}: installed ${file.path} (${formatBytes(download.bytes)}${resumed})\n` +
          (download.verified
            ? `  SHA-256 verified: ${download.sha256}\n`
            : `  NOT VERIFIED (the registry has no sha256). Its SHA-256 is ${download.sha256}: ` +
              "compare it with the one on the file's repository page, then add it to the registry.\n"),
      );
    }
    return 0;
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    throw new CliError(
      `Interrupted. The bytes received are kept in ${dir} (a .partial file): run the same command again to resume.`,
      130,
    );
  } finally {
    process.off('SIGINT', onSignal);
  }
}
