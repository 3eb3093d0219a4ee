import { GOOD_MODEL_HINT } from './goodModelHint.js';

/** The file does not start with "GGUF": it is not a GGUF model (or is an HTML error page, etc.). */
export class InvalidGgufMagicError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `${file} is not a GGUF model: it starts with ${JSON.stringify(actual)} instead of ` +
        `${JSON.stringify(expected)}; ${GOOD_MODEL_HINT}`,
    );
    this.name = 'InvalidGgufMagicError';
  }
}
