/** The telemetry node's mqtt_url parameter is not a URL an MQTT client can connect to. */
export class InvalidMqttUrlError extends Error {
  constructor(readonly url: string) {
    super(
      `Invalid MQTT URL ${JSON.stringify(url)}: expected mqtt://host:port, mqtts://, ws:// or wss:// ` +
        `(set the telemetry node's mqtt_url parameter, or pass --mqtt URL to hearth).`,
    );
    this.name = 'InvalidMqttUrlError';
  }
}
