import { ModelFileError } from './ModelFileError.js';

/**
 * A registry model whose file does not have the registry's SHA-256: corrupted on disk or
 * replaced after install, even at the right size. It is not the model the registry vouches for,
 * so it is not loaded.
 */
export class ModelChecksumMismatchError extends ModelFileError {
  constructor(
    filePath: string,
    readonly model: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
    readonly registryFile: string,
  ) {
    super(
      filePath,
      `Model file ${filePath} has SHA-256 ${actualSha256}, but the model registry ` +
        `(${registryFile}) gives ${model} ${expectedSha256}: it was corrupted or replaced ` +
        `after install. Run \`hearth models pull ${model} --force\` to download it again.`,
    );
    this.name = 'ModelChecksumMismatchError';
  }
}
