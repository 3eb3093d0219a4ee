import { ModelFileError } from './ModelFileError.js';
import { modelHelp } from './modelHelp.js';

/** The file does not start with the four bytes `GGUF`: it is not a GGUF model at all. */
export class InvalidModelMagicError extends ModelFileError {
  constructor(
    filePath: string,
    readonly actualMagic: string,
  ) {
    super(
      filePath,
      `Not a GGUF model: ${filePath} starts with ${JSON.stringify(actualMagic)} instead of "GGUF". ${modelHelp}`,
    );
    this.name = 'InvalidModelMagicError';
  }
}
