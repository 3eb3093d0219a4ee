/** Azure refused or dropped a synthesis (bad key or region, unknown voice, invalid SSML, network). */
export class AzureSynthesisFailedError extends Error {
  constructor(
    readonly voice: string,
    readonly details: string,
  ) {
    super(
      `Azure text-to-speech failed with voice "${voice}": ${details || 'no details given'}. ` +
        'Check AZURE_SPEECH_KEY and AZURE_SPEECH_REGION, the voice name (the Azure voice gallery ' +
        "lists them) and the network; or set the tts node's `engine` parameter to espeak-ng.",
    );
    this.name = 'AzureSynthesisFailedError';
  }
}
