/** The telemetry node's mqtt_ca_file names a file it cannot read. */
export class MqttCaFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `telemetry mqtt_ca_file ${file}: ${reason}. Set the telemetry node's mqtt_ca_file parameter ` +
        "to the PEM file of the CA that signed the broker's TLS certificate (ca.crt, readable by " +
        "the robot's user), or to '' to trust the system's CAs.",
    );
    this.name = 'MqttCaFileError';
  }
}
