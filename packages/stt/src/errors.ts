/** The `engine` parameter names an engine this build does not have. */
export class UnknownSttEngineError extends Error {
  constructor(
    readonly engine: string,
    readonly known: readonly string[],
  ) {
    super(
      `Unknown stt engine "${engine}": set the stt node's "engine" parameter to one of ${known.join(', ')}.`,
    );
    this.name = 'UnknownSttEngineError';
  }
}
