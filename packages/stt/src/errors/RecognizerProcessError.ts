/** The local recognizer's process could not start or ended while the engine needed it. */
export class RecognizerProcessError extends Error {
  constructor(
    readonly command: string,
    what: string,
    stderrTail: string,
  ) {
    super(
      `The local recognizer "${command}" ${what}${stderrTail === '' ? '' : `; it said: ${stderrTail}`}. Check the stt node's local_command and local_args parameters (the command must be on PATH or an absolute path, and its model files must exist), and run the command by hand with a WAV piped in to see its errors.`,
    );
    this.name = 'RecognizerProcessError';
  }
}
