import { GOOD_MODEL_HINT } from './goodModelHint.js';

/** The file is longer than its tensor table says: two files written into one, or a corrupt table. */
export class GgufSizeMismatchError extends Error {
  constructor(
    readonly file: string,
    readonly expectedBytes: number,
    readonly actualBytes: number,
  ) {
    super(
      `${file} has ${actualBytes} bytes but its tensor table accounts for ${expectedBytes}; ` +
        GOOD_MODEL_HINT,
    );
    this.name = 'GgufSizeMismatchError';
  }
}
