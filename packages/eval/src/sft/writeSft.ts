import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SftExample, SftSplit } from './buildSft.js';
import { lengthStats, type LengthStats } from './lengthStats.js';
import type { Tokenizer } from './Tokenizer.js';

export interface SftStats {
  readonly tokenizer: 'gguf' | 'words';
  readonly conversations: { readonly train: number; readonly validation: number };
  readonly examples: { readonly train: number; readonly validation: number };
  readonly duplicateConversations: number;
  readonly duplicateExamples: number;
  readonly openingTurnsSkipped: number;
  readonly tokens: { readonly train: LengthStats; readonly validation: LengthStats };
}

const jsonl = (examples: readonly SftExample[]): string =>
  examples.map((example) => JSON.stringify(example)).join('\n') + (examples.length > 0 ? '\n' : '');

/** Writes train.jsonl, validation.jsonl and stats.json into `outDir`; returns the stats. */
export async function writeSft(
  outDir: string,
  split: SftSplit,
  tokenizer: Tokenizer,
  maxTokens: number,
): Promise<SftStats> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'train.jsonl'), jsonl(split.train));
  await writeFile(join(outDir, 'validation.jsonl'), jsonl(split.validation));
  const conversations = (examples: readonly SftExample[]): number =>
    new Set(examples.map((e) => e.conversation)).size;
  const stats: SftStats = {
    tokenizer: tokenizer.kind,
    conversations: {
      train: conversations(split.train),
      validation: conversations(split.validation),
    },
    examples: { train: split.train.length, validation: split.validation.length },
    duplicateConversations: split.duplicateConversations,
    duplicateExamples: split.duplicateExamples,
    openingTurnsSkipped: split.openingTurnsSkipped,
    tokens: {
      train: lengthStats(
        split.train.map((e) => tokenizer.count(e.text)),
        maxTokens,
      ),
      validation: lengthStats(
        split.validation.map((e) => tokenizer.count(e.text)),
        maxTokens,
      ),
    },
  };
  await writeFile(join(outDir, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  return stats;
}
