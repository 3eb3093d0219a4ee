/** libespeak-ng (or koffi, which loads it) cannot be used here; the engine uses the command line. */
export class LibEspeakUnavailableError extends Error {
  constructor(
    readonly libraryPath: string,
    readonly reason: string,
  ) {
    super(
      `libespeak-ng could not be loaded from "${libraryPath}": ${reason}. Install it with ` +
        '`sudo apt-get install espeak-ng` (Debian package libespeak-ng1) and keep the koffi ' +
        'dependency installed; until then the espeak-ng command line is used and word and ' +
        'viseme times are estimated from the audio.',
    );
    this.name = 'LibEspeakUnavailableError';
  }
}
