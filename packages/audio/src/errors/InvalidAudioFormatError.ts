/**
 * An audio_in format parameter for the ROS audio topic that Hearth cannot read (an unknown
 * sample format, an impossible rate or channel count). audio_in reports it and hears nothing
 * until the parameter is fixed; it does not stop the graph.
 */
export class InvalidAudioFormatError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(
      `audio_in's "${parameter}" is ${JSON.stringify(value)}, but it must be ${expected}. Set it ` +
        `to what the robot's audio driver publishes (audio_common: its AudioInfo, ` +
        `\`ros2 topic echo --once /audio_info\`), in the profile or with \`ros2 param set ` +
        `/audio_in ${parameter} ...\`.`,
    );
    this.name = 'InvalidAudioFormatError';
  }
}
