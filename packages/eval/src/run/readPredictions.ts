import { readFile } from 'node:fs/promises';
import { PredictionsError } from '../errors/PredictionsError.js';

/** Reads a predictions JSONL file: `{"id": number, "reply": string}` per line, ids unique. */
export async function readPredictions(file: string): Promise<Map<number, string>> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new PredictionsError(
      file,
      undefined,
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  const replies = new Map<number, string>();
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PredictionsError(file, index + 1, 'the line is not JSON.');
    }
    const record = value as { id?: unknown; reply?: unknown };
    if (
      typeof record !== 'object' ||
      record === null ||
      !Number.isInteger(record.id) ||
      typeof record.reply !== 'string'
    ) {
      throw new PredictionsError(file, index + 1, 'expected an integer "id" and a string "reply".');
    }
    const id = record.id as number;
    if (replies.has(id)) throw new PredictionsError(file, index + 1, `id ${id} appears twice.`);
    replies.set(id, record.reply);
  });
  return replies;
}
