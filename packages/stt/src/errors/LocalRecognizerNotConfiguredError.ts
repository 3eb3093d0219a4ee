/** The `local` engine was chosen but no recognizer command was given. */
export class LocalRecognizerNotConfiguredError extends Error {
  constructor() {
    super(
      'The local stt engine has no recognizer to run: set the stt node\'s local_command parameter (and local_args) to an on-device recognizer that reads 16 kHz PCM on stdin and prints results on stdout (see packages/stt/README.md, "Local engines"), or set "engine" to azure or typed.',
    );
    this.name = 'LocalRecognizerNotConfiguredError';
  }
}
