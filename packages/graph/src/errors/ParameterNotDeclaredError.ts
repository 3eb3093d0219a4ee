/** A parameter was read before the node declared it. */
export class ParameterNotDeclaredError extends Error {
  constructor(
    readonly nodeName: string,
    readonly parameterName: string,
  ) {
    super(
      `Node ${nodeName} has no parameter ${parameterName}. Fix: declareParameter('${parameterName}', ...) first.`,
    );
    this.name = 'ParameterNotDeclaredError';
  }
}
