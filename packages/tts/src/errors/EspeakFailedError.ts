/** espeak-ng ran but did not produce audio (bad voice name, crash). */
export class EspeakFailedError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly voice: string,
  ) {
    const detail = stderr.trim() || `exit code ${String(exitCode)}`;
    super(
      `espeak-ng failed to synthesize speech with voice "${voice}": ${detail}. ` +
        "Check the voice name with `espeak-ng --voices` and set the tts node's `voice` parameter.",
    );
    this.name = 'EspeakFailedError';
  }
}
