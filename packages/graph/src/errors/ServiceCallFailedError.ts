/** The service's handler threw (in-process transport; on ROS 2 the caller times out instead). */
export class ServiceCallFailedError extends Error {
  constructor(
    readonly serviceName: string,
    readonly reason: string,
  ) {
    super(`Service ${serviceName} failed: ${reason}. Fix: see the serving node's log.`);
    this.name = 'ServiceCallFailedError';
  }
}
