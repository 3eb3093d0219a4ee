/** A service call got no answer: no server, or none within the timeout. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly serviceName: string,
    readonly timeoutMs: number,
    detail = 'no server answered',
  ) {
    super(
      `Service ${serviceName}: ${detail} within ${timeoutMs} ms. Fix: start the node that serves ` +
        `${serviceName}, or pass a longer timeout to call().`,
    );
    this.name = 'ServiceUnavailableError';
  }
}
