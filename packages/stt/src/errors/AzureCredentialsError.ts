/** The environment does not hold a usable Azure Speech key and region. Never holds the key. */
export class AzureCredentialsError extends Error {
  constructor(readonly problem: string) {
    super(
      `Azure speech-to-text cannot start: ${problem}. Set AZURE_SPEECH_KEY (a key of your Speech resource, from the Azure portal) and AZURE_SPEECH_REGION (its region id, e.g. westeurope) in the robot's environment, or set the stt node's "engine" parameter to local or typed.`,
    );
    this.name = 'AzureCredentialsError';
  }
}
