/** aplay ran but did not play the utterance (no such device, device busy, no sound card). */
export class AplayFailedError extends Error {
  constructor(
    readonly device: string,
    readonly reason: string,
  ) {
    super(
      `aplay could not play speech on ALSA device "${device || 'default'}": ${reason}. ` +
        "List the devices with `aplay -L` and set the tts node's `audio_device` parameter, " +
        'or set `audio_output` to simulated, file or none on a machine without a speaker.',
    );
    this.name = 'AplayFailedError';
  }
}
