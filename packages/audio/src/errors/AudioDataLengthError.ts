/**
 * An audio message whose byte count is not a whole number of sample frames for the format
 * audio_in was told: almost always a format parameter that does not match the publisher.
 */
export class AudioDataLengthError extends Error {
  constructor(
    readonly topic: string,
    readonly byteLength: number,
    readonly frameBytes: number,
    readonly format: string,
  ) {
    super(
      `An audio message on ${topic} has ${byteLength} bytes, not a whole number of ` +
        `${frameBytes}-byte sample frames (${format}); the ${byteLength % frameBytes} bytes left ` +
        `over are dropped. Check that audio_in's topic_sample_format and topic_channels match ` +
        `the publisher (audio_common: \`ros2 topic echo --once /audio_info\`).`,
    );
    this.name = 'AudioDataLengthError';
  }
}
