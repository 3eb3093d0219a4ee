/** A topic, action, service or node name that ROS 2 would refuse. */
export class InvalidNameError extends Error {
  constructor(
    readonly entity: string,
    readonly entityName: string,
  ) {
    super(
      `Invalid ${entity} name "${entityName}". Fix: use letters, digits and underscores in ` +
        `slash-separated tokens that do not start with a digit, e.g. /hearth/tts/events.`,
    );
    this.name = 'InvalidNameError';
  }
}
