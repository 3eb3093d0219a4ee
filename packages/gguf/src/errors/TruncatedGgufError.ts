import { GOOD_MODEL_HINT } from './goodModelHint.js';

/** The file ends before the data its header and tensor table describe (an interrupted download). */
export class TruncatedGgufError extends Error {
  constructor(
    readonly file: string,
    readonly expectedBytes: number,
    readonly actualBytes: number,
  ) {
    super(
      `${file} is truncated: it needs at least ${expectedBytes} bytes but has ${actualBytes}; ` +
        GOOD_MODEL_HINT,
    );
    this.name = 'TruncatedGgufError';
  }
}
