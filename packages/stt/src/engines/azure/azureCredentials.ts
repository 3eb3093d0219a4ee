import { AzureCredentialsError } from '../../errors/AzureCredentialsError.js';

export interface AzureCredentials {
  /** Never logged. */
  readonly key: string;
  readonly region: string;
}

export const AZURE_KEY_VARIABLE = 'AZURE_SPEECH_KEY';
export const AZURE_REGION_VARIABLE = 'AZURE_SPEECH_REGION';

/** Region ids are lower-case letters and digits (westeurope, eastus2), not display names. */
const REGION_ID = /^[a-z][a-z0-9]*$/;

/**
 * Reads the key and region from the environment (never from a parameters file, which is
 * committed with the robot's profile). Errors name what is wrong, never the key's value.
 */
export function readAzureCredentials(env: NodeJS.ProcessEnv = process.env): AzureCredentials {
  const key = env[AZURE_KEY_VARIABLE]?.trim() ?? '';
  const region = env[AZURE_REGION_VARIABLE]?.trim() ?? '';
  const missing = [
    ...(key === '' ? [AZURE_KEY_VARIABLE] : []),
    ...(region === '' ? [AZURE_REGION_VARIABLE] : []),
  ];
  if (missing.length > 0) throw new AzureCredentialsError(`${missing.join(' and ')} not set`);
  if (/\s/.test(key)) throw new AzureCredentialsError(`${AZURE_KEY_VARIABLE} contains whitespace`);
  if (!REGION_ID.test(region)) {
    throw new AzureCredentialsError(
      `${AZURE_REGION_VARIABLE} "${region}" is not a region id (lower-case letters and digits, e.g. westeurope)`,
    );
  }
  return { key, region };
}

/** Removes the key from text that might echo it (the service's error details), before logging. */
export function redactKey(text: string, key: string): string {
  return key === '' ? text : text.split(key).join('***');
}
