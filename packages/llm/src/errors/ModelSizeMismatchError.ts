import { ModelFileError } from './ModelFileError.js';

/**
 * A registry model whose file is not the exact size the registry gives: cut short or replaced
 * after install. llama.cpp might load a replaced file, or crash on a cut one mid-way; either
 * way it is not the model the registry vouches for.
 */
export class ModelSizeMismatchError extends ModelFileError {
  constructor(
    filePath: string,
    readonly model: string,
    readonly expectedBytes: number,
    readonly actualBytes: number,
    readonly registryFile: string,
  ) {
    super(
      filePath,
      `Model file ${filePath} has ${actualBytes} bytes, but the model registry ` +
        `(${registryFile}) gives ${model} exactly ${expectedBytes}: it was cut short or ` +
        `replaced after install. Run \`hearth models pull ${model}\` to download it again, or ` +
        `\`hearth models verify --checksum ${filePath}\` to check it against the registry's SHA-256.`,
    );
    this.name = 'ModelSizeMismatchError';
  }
}
