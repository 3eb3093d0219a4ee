/**
 * A parameter's default or override does not fit its descriptor (an override that came from a
 * parameters file throws ParametersFileError instead, naming the file and line).
 */
export class InvalidParameterError extends Error {
  constructor(
    readonly nodeName: string,
    readonly parameterName: string,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`Node ${nodeName}, parameter ${parameterName}: ${reason}. Fix: ${fix}`);
    this.name = 'InvalidParameterError';
  }
}
