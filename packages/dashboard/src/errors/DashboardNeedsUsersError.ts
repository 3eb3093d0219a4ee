/** The dashboard was asked to listen beyond this machine before any account exists. */
export class DashboardNeedsUsersError extends Error {
  constructor(readonly host: string) {
    super(
      `the care dashboard has no users, so it runs only in development mode on 127.0.0.1, not on ${host}. ` +
        'Add one first: hearth dashboard add-user NAME --role admin',
    );
    this.name = 'DashboardNeedsUsersError';
  }
}
