/**
 * An installed model file that differs from its registry entry (size or SHA-256): cut short,
 * replaced or damaged after install. Pulling the model again replaces it.
 */
export class InstalledFileMismatchError extends Error {
  constructor(
    readonly file: string,
    readonly model: string,
    readonly what: 'size' | 'SHA-256',
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `Model file ${file} does not match the registry's ${model}: its ${what} is ${actual}, ` +
        `but the registry expects ${expected}. It was cut short, replaced or damaged after ` +
        `install: run \`hearth models pull ${model}\` to download it again.`,
    );
    this.name = 'InstalledFileMismatchError';
  }
}
