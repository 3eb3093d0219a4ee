/**
 * How the hearth command reports failure: one clear message naming the thing and the fix, and
 * a non-zero exit; never a bare stack trace (set HEARTH_DEBUG=1 to see one).
 */

/** A failure the user can act on; its message already says what to do. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Formats any thrown value for the terminal. Typed errors from Hearth's packages carry their
 * own actionable message; anything else is reported as a bug with its message.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const known =
      error.name !== 'Error' && error.name !== 'TypeError' && error.name !== 'RangeError';
    const text = known
      ? error.message
      : `${error.message}\n(this looks like a bug in Hearth; run with HEARTH_DEBUG=1 for details and report it)`;
    return process.env.HEARTH_DEBUG ? `${text}\n${error.stack ?? ''}` : text;
  }
  return String(error);
}

/** Runs a command's body, turning failures into a message on stderr and an exit code. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (error) {
    process.stderr.write(`hearth: ${describeFailure(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
