/** The embedded MQTT broker could not listen because another program holds the port. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `MQTT port ${port} on ${host} is already in use by another program. ` +
        `Start Hearth with --mqtt-port N to use another port (0 picks a free one), ` +
        `or stop the program holding port ${port} (find it with: ss -ltnp 'sport = :${port}').`,
    );
    this.name = 'PortInUseError';
  }
}
