import { AzureCredentialsMissingError } from '../../errors/AzureCredentialsMissingError.js';

export interface AzureCredentials {
  readonly key: string;
  readonly region: string;
}

/**
 * The Speech resource's key and region, from AZURE_SPEECH_KEY and AZURE_SPEECH_REGION. Only the
 * environment: a key must never sit in a parameters file that is shared or committed.
 */
export function azureCredentials(env: NodeJS.ProcessEnv = process.env): AzureCredentials {
  const key = env.AZURE_SPEECH_KEY?.trim() ?? '';
  const region = env.AZURE_SPEECH_REGION?.trim() ?? '';
  const missing = [
    ...(key ? [] : ['AZURE_SPEECH_KEY']),
    ...(region ? [] : ['AZURE_SPEECH_REGION']),
  ];
  if (missing.length > 0) throw new AzureCredentialsMissingError(missing);
  return { key, region };
}

/** `text` with the key replaced, for anything that may reach a log or the terminal. */
export function redactKey(text: string, key: string): string {
  return key.length >= 4 ? text.split(key).join('[redacted]') : text;
}
