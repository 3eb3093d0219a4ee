/** Base of the errors about the GGUF model file; `filePath` names the file. */
export class ModelFileError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ModelFileError';
  }
}
