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
