import { stat, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PicovoiceAccessKeyMissingError, SecretInRepositoryError } from '../errors.js';

export const ACCESS_KEY_ENV = 'PICOVOICE_ACCESS_KEY';

/** `~/.config/hearth/picovoice_access_key`, with `~` from $HOME as the shell would read it. */
export function defaultAccessKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.HOME || homedir(), '.config', 'hearth', 'picovoice_access_key');
}

export interface AccessKeySources {
  readonly env?: NodeJS.ProcessEnv;
  /** A file holding only the key. */
  readonly keyFile?: string;
  /**
   * A project root the key must also stay out of (e.g. one that is not a git work tree yet).
   * Any git work tree enclosing the key file is refused whatever this says.
   */
  readonly workTree?: string;
}

function inside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * The git work tree holding `path`: the nearest folder above it with a `.git` entry (a folder,
 * or a file in a worktree or submodule), or undefined. It is the key file's own repository that
 * could commit it, not the directory Hearth happens to be started from (`/`, `$HOME`).
 */
export async function enclosingWorkTree(path: string): Promise<string | undefined> {
  let folder = dirname(resolve(path));
  for (;;) {
    const found = await stat(join(folder, '.git')).then(
      () => true,
      () => false,
    );
    if (found) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The user's Picovoice AccessKey, from PICOVOICE_ACCESS_KEY or a secrets file outside any
 * repository. The key itself never appears in an error or a log line: only where it was sought.
 */
export async function readPicovoiceAccessKey(sources: AccessKeySources = {}): Promise<string> {
  const fromEnv = (sources.env ?? process.env)[ACCESS_KEY_ENV]?.trim();
  if (fromEnv) return fromEnv;
  const keyFile = resolve(sources.keyFile || defaultAccessKeyFile());
  const repository =
    sources.workTree !== undefined && inside(keyFile, resolve(sources.workTree))
      ? resolve(sources.workTree)
      : await enclosingWorkTree(keyFile);
  if (repository !== undefined) throw new SecretInRepositoryError(keyFile, repository);
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch {
    throw new PicovoiceAccessKeyMissingError(keyFile);
  }
  const key = text.trim();
  if (key === '') throw new PicovoiceAccessKeyMissingError(keyFile);
  return key;
}
