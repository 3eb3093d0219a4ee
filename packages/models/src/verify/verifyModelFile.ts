import { stat } from 'node:fs/promises';
import { readGgufFile } from '@hearth/gguf';
import { ModelFileMissingError } from '../errors/ModelFileMissingError.js';
import { summarizeGguf, type GgufSummary } from './summarizeGguf.js';

/**
 * Checks a GGUF file's header, tensor table and size without loading its weights, and
 * summarizes it. Throws @hearth/gguf's typed errors (each names the file and the fix).
 */
export async function verifyModelFile(file: string): Promise<GgufSummary> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new ModelFileMissingError(file);
  return summarizeGguf(await readGgufFile(file));
}
