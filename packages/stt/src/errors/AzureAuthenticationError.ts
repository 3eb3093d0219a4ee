/**
 * Azure refused the connection for a reason a retry cannot fix (a bad key, a key of another
 * region, a forbidden resource, bad parameters), so the engine stops instead of reconnecting.
 * Its message never holds the key.
 */
export class AzureAuthenticationError extends Error {
  constructor(
    readonly code: string,
    readonly region: string,
    details: string,
  ) {
    super(
      `Azure speech-to-text refused the connection (${code}) in region "${region}": ${details || 'no details'}. Check that AZURE_SPEECH_KEY is a key of a Speech resource in that region and that AZURE_SPEECH_REGION is the resource's region id (e.g. westeurope); for BadRequestParameters check the stt node's "language" parameter.`,
    );
    this.name = 'AzureAuthenticationError';
  }
}
