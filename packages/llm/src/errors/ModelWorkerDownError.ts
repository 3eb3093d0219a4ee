/** A request came while the model process was down and not yet restarted. */
export class ModelWorkerDownError extends Error {
  constructor(readonly filePath: string) {
    super(
      `The model process for ${filePath} is restarting; this turn is answered without the model.`,
    );
    this.name = 'ModelWorkerDownError';
  }
}
