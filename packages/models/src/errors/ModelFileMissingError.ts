/** A model file that is not there. */
export class ModelFileMissingError extends Error {
  constructor(readonly file: string) {
    super(
      `Model file ${file} does not exist. Check the path, or install a model with ` +
        '`hearth models pull NAME` (`hearth models list` shows the names).',
    );
    this.name = 'ModelFileMissingError';
  }
}
