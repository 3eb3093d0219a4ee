/** The on-disk outbox's folder cannot be used (not writable, or held by another process). */
export class OutboxDirError extends Error {
  constructor(
    readonly dir: string,
    reason: string,
  ) {
    super(
      `telemetry outbox folder ${dir}: ${reason}. Set the telemetry node's outbox_dir parameter ` +
        'to a writable folder used by this robot process alone.',
    );
    this.name = 'OutboxDirError';
  }
}
