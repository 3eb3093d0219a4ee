/** The writer was given something it cannot store (a bad key, value, shape or data length). */
export class InvalidGgufInputError extends Error {
  constructor(
    readonly subject: string,
    readonly detail: string,
  ) {
    super(`Cannot write ${subject} to GGUF: ${detail}`);
    this.name = 'InvalidGgufInputError';
  }
}
