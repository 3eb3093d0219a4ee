import { readFile } from 'node:fs/promises';
import { DatasetError } from '../errors/DatasetError.js';
import { DatasetNotFoundError } from '../errors/DatasetNotFoundError.js';
import { dialogueExamples } from './dialogueExamples.js';
import { parseEsconvJson } from './readEsconvJson.js';
import { parseEsconvShort } from './readEsconvShort.js';
import { parseExtesJson } from './readExtesJson.js';
import type { Dialogue, EvalDataset } from './types.js';

/** Reads a file's text, turning a missing file into a DatasetNotFoundError. */
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DatasetNotFoundError(file, code === 'ENOENT' ? 'no such file' : code);
  }
}

function parseJson(file: string, content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    throw new DatasetError(
      file,
      undefined,
      `is not valid JSON (${(error as Error).message}).`,
      'Pass the ESConv or ExTES JSON file unchanged, or a *_short.tsv file.',
    );
  }
}

/** Whether parsed JSON looks like ExTES (content[]) rather than ESConv (dialog[]). */
function isExtes(data: unknown): boolean {
  return (
    Array.isArray(data) && typeof data[0] === 'object' && data[0] !== null && 'content' in data[0]
  );
}

/** Reads whole dialogues from an ESConv or ExTES JSON file (for SFT data). */
export async function loadDialogues(
  file: string,
): Promise<{ format: EvalDataset['format']; dialogues: Dialogue[] }> {
  const data = parseJson(file, await readText(file));
  return isExtes(data)
    ? { format: 'extes-json', dialogues: parseExtesJson(file, data) }
    : { format: 'esconv-json', dialogues: parseEsconvJson(file, data) };
}

/**
 * Reads an evaluation set: an ESConv short split (`.tsv`), or a full ESConv / ExTES JSON file,
 * whose supporter turns become examples with the 4 utterances before each as context.
 */
export async function loadDataset(file: string): Promise<EvalDataset> {
  const content = await readText(file);
  if (!file.endsWith('.json')) return parseEsconvShort(file, content);
  const data = parseJson(file, content);
  const format = isExtes(data) ? 'extes-json' : 'esconv-json';
  const dialogues =
    format === 'extes-json' ? parseExtesJson(file, data) : parseEsconvJson(file, data);
  return { file, format, examples: dialogueExamples(dialogues), skipped: [] };
}
