/** A dashboard account that cannot be created as asked. */
export class InvalidUserError extends Error {
  constructor(
    readonly userName: string,
    reason: string,
  ) {
    super(`cannot add dashboard user ${JSON.stringify(userName)}: ${reason}`);
    this.name = 'InvalidUserError';
  }
}
