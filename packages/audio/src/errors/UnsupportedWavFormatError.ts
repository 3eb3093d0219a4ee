/** A WAV file is valid but not 16 kHz mono 16-bit, and conversion was not allowed. */
export class UnsupportedWavFormatError extends Error {
  constructor(
    readonly source: string,
    readonly format: string,
  ) {
    super(
      `${source} is ${format}; Hearth needs 16 kHz mono 16-bit PCM. Allow conversion ` +
        `(convert: true) or convert it first, e.g. \`sox IN -r 16000 -c 1 -b 16 OUT.wav\`.`,
    );
    this.name = 'UnsupportedWavFormatError';
  }
}
