/** declareParameter was called twice for one name. */
export class ParameterAlreadyDeclaredError extends Error {
  constructor(
    readonly nodeName: string,
    readonly parameterName: string,
  ) {
    super(
      `Node ${nodeName} already declared parameter ${parameterName}. Fix: declare it once and ` +
        `read it with getParameter('${parameterName}').`,
    );
    this.name = 'ParameterAlreadyDeclaredError';
  }
}
