/** The dashboard's HTTP port is taken by another program. */
export class DashboardPortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `Dashboard port ${port} on ${host} is already in use by another program. ` +
        `Start Hearth with --dashboard-port N to use another port (0 picks a free one), ` +
        `or stop the program holding port ${port} (find it with: ss -ltnp 'sport = :${port}').`,
    );
    this.name = 'DashboardPortInUseError';
  }
}
