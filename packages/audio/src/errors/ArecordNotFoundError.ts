/** The ALSA recorder could not be started. */
export class ArecordNotFoundError extends Error {
  constructor(
    readonly binaryPath: string,
    cause: unknown,
  ) {
    super(
      `Cannot run "${binaryPath}" to capture audio (${String(cause)}): install alsa-utils ` +
        `(\`sudo apt-get install alsa-utils\`) or set audio_in's "arecord_path" parameter.`,
    );
    this.name = 'ArecordNotFoundError';
  }
}
