/** A file or buffer is not a WAV file this reader understands. */
export class InvalidWavError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(
      `${source} is not a readable WAV file (${reason}): give a RIFF/WAVE file with PCM ` +
        `(8, 16, 24 or 32-bit integer, or 32/64-bit float) samples.`,
    );
    this.name = 'InvalidWavError';
  }
}
