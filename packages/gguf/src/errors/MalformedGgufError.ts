import { GOOD_MODEL_HINT } from './goodModelHint.js';

/** The header, metadata or tensor table breaks the GGUF format (a corrupt or badly written file). */
export class MalformedGgufError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file} is not a valid GGUF model: ${detail}; ${GOOD_MODEL_HINT}`);
    this.name = 'MalformedGgufError';
  }
}
