/** The Azure TTS engine was chosen but its key or region is not in the environment. */
export class AzureCredentialsMissingError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `Azure text-to-speech needs ${missing.join(' and ')} in the environment. Set ` +
        'AZURE_SPEECH_KEY to a Speech resource key and AZURE_SPEECH_REGION to its region ' +
        "(e.g. westeurope), or set the tts node's `engine` parameter to espeak-ng for offline speech.",
    );
    this.name = 'AzureCredentialsMissingError';
  }
}
