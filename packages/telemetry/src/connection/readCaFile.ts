import { readFileSync } from 'node:fs';
import { MqttCaFileError } from '../errors/MqttCaFileError.js';

/**
 * The CA certificate(s) for mqtt.js's `ca` option. Read at start so a wrong path stops the node
 * with the file's name, rather than showing up later as a TLS error on every reconnect.
 */
export function readCaFile(file: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    throw new MqttCaFileError(file, (error as Error).message);
  }
  if (!pem.toString('latin1').includes('-----BEGIN CERTIFICATE-----'))
    throw new MqttCaFileError(file, 'it holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  return pem;
}
