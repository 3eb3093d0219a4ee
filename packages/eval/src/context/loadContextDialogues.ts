import { readFile } from 'node:fs/promises';
import { loadDialogues } from '../data/loadDataset.js';
import type { Dialogue } from '../data/types.js';
import { DatasetNotFoundError } from '../errors/DatasetNotFoundError.js';
import { shortSplitDialogues } from './shortSplitDialogues.js';

/**
 * Whole dialogues for the context report: rebuilt from an ESConv short split (`.tsv`), or read
 * from a full ESConv or ExTES JSON file.
 */
export async function loadContextDialogues(file: string): Promise<Dialogue[]> {
  if (file.endsWith('.json')) return (await loadDialogues(file)).dialogues;
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DatasetNotFoundError(file, code === 'ENOENT' ? 'no such file' : code);
  }
  return shortSplitDialogues(file, content);
}
