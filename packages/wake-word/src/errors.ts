/** The `engine` parameter names an engine this build does not have. */
export class UnknownWakeEngineError extends Error {
  constructor(
    readonly engine: string,
    readonly known: readonly string[],
  ) {
    super(
      `Unknown wake-word engine "${engine}": set the wake_word node's "engine" parameter to one of ` +
        `${known.join(', ') || '(none built in)'}.`,
    );
    this.name = 'UnknownWakeEngineError';
  }
}

/** A wake template file is missing, unreadable or not one `hearth wakeword enroll` wrote. */
export class InvalidWakeTemplateError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Wake template file ${path} cannot be used: ${reason}. Make one with ` +
        '`hearth wakeword enroll --out FILE WAV...` from 3 to 5 recordings of the phrase.',
    );
    this.name = 'InvalidWakeTemplateError';
  }
}

/** Enrollment was given too few or too many recordings, or one with no speech in it. */
export class EnrollmentError extends Error {
  constructor(reason: string) {
    super(`Cannot enroll the wake phrase: ${reason}.`);
    this.name = 'EnrollmentError';
  }
}

/** Porcupine needs the user's Picovoice AccessKey and none was found. */
export class PicovoiceAccessKeyMissingError extends Error {
  constructor(readonly keyFile: string) {
    super(
      'Porcupine needs a Picovoice AccessKey (free at https://console.picovoice.ai/): set the ' +
        `PICOVOICE_ACCESS_KEY environment variable, or put the key alone in ${keyFile} ` +
        "(outside the repository; or name another file with the wake_word node's " +
        '"porcupine_access_key_file" parameter).',
    );
    this.name = 'PicovoiceAccessKeyMissingError';
  }
}

/** The AccessKey file is inside the working tree, where it could be committed. */
export class SecretInRepositoryError extends Error {
  constructor(
    readonly keyFile: string,
    /** The repository (git work tree or project root) holding the file. */
    readonly repository: string,
  ) {
    super(
      `The Picovoice AccessKey file ${keyFile} is inside the repository ${repository}, where it ` +
        'could be committed: move it outside (e.g. ~/.config/hearth/picovoice_access_key) or ' +
        'use the PICOVOICE_ACCESS_KEY environment variable.',
    );
    this.name = 'SecretInRepositoryError';
  }
}

/** @picovoice/porcupine-node is not installed or its native library does not load here. */
export class PorcupineUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `Porcupine cannot run: ${cause instanceof Error ? cause.message : String(cause)}. Install ` +
        '@picovoice/porcupine-node (`pnpm install` in the repository) on a supported platform ' +
        "(Linux x86_64 or arm64, macOS, Windows, Raspberry Pi), or set the wake_word node's " +
        '"engine" parameter to template.',
    );
    this.name = 'PorcupineUnavailableError';
  }
}
