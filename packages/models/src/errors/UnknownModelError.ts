/** A model name that the registry does not list. */
export class UnknownModelError extends Error {
  constructor(
    readonly modelName: string,
    known: readonly string[],
    registryFile: string,
  ) {
    super(
      `No model named "${modelName}" in ${registryFile}. Known models: ${known.join(', ')}. ` +
        'Run `hearth models list` to see them.',
    );
    this.name = 'UnknownModelError';
  }
}
