/**
 * A robot id or session id cannot be one level of an MQTT topic: it is empty, too long, or holds
 * `/`, `+` or `#`, which would let it escape its robot's topic tree or act as a wildcard.
 */
export class InvalidTopicLevelError extends Error {
  constructor(
    readonly what: string,
    readonly value: string,
  ) {
    super(
      `Invalid ${what} ${JSON.stringify(value)} for an MQTT topic: use 1 to 128 characters ` +
        `without '/', '+', '#' or control characters (for a robot id, e.g. 'hearth-sim'; set the ` +
        `telemetry node's robot_id parameter in the robot profile).`,
    );
    this.name = 'InvalidTopicLevelError';
  }
}
