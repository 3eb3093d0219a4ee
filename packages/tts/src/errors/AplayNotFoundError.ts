/** `audio_output: alsa` needs aplay, which could not be started. */
export class AplayNotFoundError extends Error {
  constructor(readonly binaryPath: string) {
    super(
      `aplay was not found at "${binaryPath}", so the tts node cannot play speech through ALSA. ` +
        "Install it with `sudo apt-get install alsa-utils`, or set the tts node's `audio_output` " +
        'parameter to simulated, file or none.',
    );
    this.name = 'AplayNotFoundError';
  }
}
