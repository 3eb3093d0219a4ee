/** The classifier's model could not be loaded; the robot goes on with the deterministic screen. */
export class RiskClassifierModelError extends Error {
  constructor(
    readonly modelPath: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The risk classifier model ${modelPath} could not be loaded: ${reason} ` +
        'Set risk_classifier_model to a GGUF instruction-tuned model file that exists, or to "" ' +
        'to run with the deterministic screen alone.',
      options,
    );
    this.name = 'RiskClassifierModelError';
  }
}
