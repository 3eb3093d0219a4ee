/** Bytes that were expected to be a 16-bit mono PCM WAV file are not. */
export class InvalidWavError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(
      `${source} is not a 16-bit mono PCM WAV file: ${problem}. ` +
        'Delete it so that it is written afresh, or write 16-bit mono PCM audio.',
    );
    this.name = 'InvalidWavError';
  }
}
