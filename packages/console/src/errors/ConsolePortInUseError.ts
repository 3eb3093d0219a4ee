/** The console's port is taken by another program. */
export class ConsolePortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `The web console cannot listen on ${host}:${port}: the port is already in use. ` +
        'Stop the program using it, or choose another console port (0 picks a free one).',
    );
    this.name = 'ConsolePortInUseError';
  }
}
