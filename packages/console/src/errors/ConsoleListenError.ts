/** The console's server could not start for a reason other than a taken port. */
export class ConsoleListenError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The web console cannot listen on ${host}:${port}: ${reason}. ` +
        'Check the host is an address of this machine and the port is between 0 and 65535 ' +
        '(ports below 1024 need privileges).',
      options,
    );
    this.name = 'ConsoleListenError';
  }
}
