import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { PicovoiceAccessKeyMissingError, SecretInRepositoryError } from '../errors.js';

export const ACCESS_KEY_ENV = 'PICOVOICE_ACCESS_KEY';

export function defaultAccessKeyFile(): string {
  return join(homedir(), '.config', 'hearth', 'picovoice_access_key');
}

export interface AccessKeySources {
  readonly env?: NodeJS.ProcessEnv;
  /** A file holding only the key. */
  readonly keyFile?: string;
  /** The working tree the key must stay out of (default: the current directory). */
  readonly workTree?: string;
}

function inside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * The user's Picovoice AccessKey, from PICOVOICE_ACCESS_KEY or a secrets file outside the
 * repository. The key itself never appears in an error or a log line: only where it was sought.
 */
export async function readPicovoiceAccessKey(sources: AccessKeySources = {}): Promise<string> {
  const fromEnv = (sources.env ?? process.env)[ACCESS_KEY_ENV]?.trim();
  if (fromEnv) return fromEnv;
  const keyFile = resolve(sources.keyFile || defaultAccessKeyFile());
  if (inside(keyFile, resolve(sources.workTree ?? process.cwd()))) {
    throw new SecretInRepositoryError(keyFile);
  }
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
