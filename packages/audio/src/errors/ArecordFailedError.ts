/** arecord exited on its own (no such device, device busy, no permission). */
export class ArecordFailedError extends Error {
  constructor(
    readonly device: string,
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(
      `arecord stopped capturing from ALSA device "${device}" (exit ${String(code)}): ` +
        `${stderr.trim() || 'no message'}. List devices with \`arecord -L\` and set audio_in's ` +
        `"device" parameter.`,
    );
    this.name = 'ArecordFailedError';
  }
}
