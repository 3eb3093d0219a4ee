import { GOOD_MODEL_HINT } from './goodModelHint.js';

/** A GGUF version this reader does not understand (v1, a big-endian file, or a future version). */
export class UnsupportedGgufVersionError extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: readonly number[],
  ) {
    const bigEndian = version > 0xffff ? ' (it looks like a big-endian file)' : '';
    super(
      `${file} is GGUF version ${version}${bigEndian}; Hearth reads little-endian versions ` +
        `${supported.join(' and ')}: ${GOOD_MODEL_HINT}`,
    );
    this.name = 'UnsupportedGgufVersionError';
  }
}
