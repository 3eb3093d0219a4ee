/** The espeak-ng binary could not be started: it is not installed or the configured path is wrong. */
export class EspeakNotFoundError extends Error {
  constructor(readonly binaryPath: string) {
    super(
      `espeak-ng was not found at "${binaryPath}". Install it with \`sudo apt-get install espeak-ng\` ` +
        "(or run `npm run setup`), or point the engine's binaryPath at the espeak-ng executable.",
    );
    this.name = 'EspeakNotFoundError';
  }
}
