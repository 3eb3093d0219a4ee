import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScoredReply } from '../metrics/scoreReplies.js';

/** One finished example of one system, as stored in the checkpoint. */
export interface CheckpointRecord extends ScoredReply {
  readonly system: string;
  /** Context tokens the prompt used (generation only). */
  readonly promptTokens?: number;
  readonly contextUtterances: number;
}

/** Thrown when --out holds a checkpoint of a different run. */
export class CheckpointMismatchError extends Error {
  constructor(file: string) {
    super(
      `${file} belongs to an evaluation with other settings (data, model, limit or prompts). Pass a new --out folder, or delete that file to start over.`,
    );
    this.name = 'CheckpointMismatchError';
  }
}

/**
 * An append-only JSONL file of finished examples, so an interrupted run resumes where it
 * stopped. Its first line is the run's settings; a run with other settings refuses to mix in.
 * A torn last line (the process was killed mid-write) is ignored and redone.
 */
export class Checkpoint {
  private constructor(
    readonly file: string,
    private readonly done: Map<string, CheckpointRecord>,
  ) {}

  static async open(outDir: string, settings: unknown): Promise<Checkpoint> {
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, 'checkpoint.jsonl');
    const header = JSON.stringify({ settings });
    let lines: string[];
    try {
      lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    } catch {
      // No checkpoint yet: a fresh run.
      lines = [];
    }
    if (lines.length === 0) {
      await writeFile(file, `${header}\n`);
      return new Checkpoint(file, new Map());
    }
    if (lines[0] !== header) throw new CheckpointMismatchError(file);
    const done = new Map<string, CheckpointRecord>();
    for (const line of lines.slice(1)) {
      try {
        const record = JSON.parse(line) as CheckpointRecord;
        done.set(Checkpoint.key(record.system, record.id), record);
      } catch {
        // A torn line from a killed run: that example is simply done again.
      }
    }
    return new Checkpoint(file, done);
  }

  private static key(system: string, id: number): string {
    return `${system}\u0000${id}`;
  }

  get(system: string, id: number): CheckpointRecord | undefined {
    return this.done.get(Checkpoint.key(system, id));
  }

  async add(record: CheckpointRecord): Promise<void> {
    this.done.set(Checkpoint.key(record.system, record.id), record);
    await appendFile(this.file, `${JSON.stringify(record)}\n`);
  }
}
