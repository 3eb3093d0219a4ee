/**
 * A registry file that cannot be used: missing, not YAML, or an entry that breaks the schema.
 * The message names the file, the entry and the key, so the fix is one edit away.
 */
export class RegistryError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Model registry ${file}: ${detail}`);
    this.name = 'RegistryError';
  }
}
