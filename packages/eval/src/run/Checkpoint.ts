import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScoredReply } from '../metrics/scoreReplies.js';
import type { JudgeScores } from '../quality/judgeRubric.js';

/** One finished example of one system, as stored in the checkpoint. */
export interface CheckpointRecord extends ScoredReply {
  readonly system: string;
  /** Context tokens the prompt used (generation only). */
  readonly promptTokens?: number;
  readonly contextUtterances: number;
}

/** A quality score of one reply: embedding similarity (0..1) or judge ratings (null: failed). */
export type QualityValue =
  | { readonly kind: 'embedding'; readonly similarity: number }
  | { readonly kind: 'judge'; readonly scores: JudgeScores | null };

/** Which score of which reply: the scorer (embedding model, judge), the system and example. */
export interface QualityKey {
  readonly kind: QualityValue['kind'];
  /** The embedding model's file or the judge's name: another scorer scores again. */
  readonly scorer: string;
  readonly system: string;
  readonly id: number;
  /** The reply scored: a changed reply (new predictions) is scored again. */
  readonly reply: string;
}

interface QualityLine {
  readonly quality: string;
  readonly value: QualityValue;
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
 * An append-only JSONL file of finished examples and of their embedding and judge scores, so
 * an interrupted run resumes where it stopped without generating or scoring anything twice.
 * Its first line is the run's settings; a run with other settings refuses to mix in. A torn
 * last line (the process was killed mid-write) is ignored and redone.
 */
export class Checkpoint {
  private constructor(
    readonly file: string,
    private readonly done: Map<string, CheckpointRecord>,
    private readonly scores: Map<string, QualityValue>,
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
      return new Checkpoint(file, new Map(), new Map());
    }
    if (lines[0] !== header) throw new CheckpointMismatchError(file);
    const done = new Map<string, CheckpointRecord>();
    const scores = new Map<string, QualityValue>();
    for (const line of lines.slice(1)) {
      try {
        const parsed = JSON.parse(line) as CheckpointRecord | QualityLine;
        if ('quality' in parsed) scores.set(parsed.quality, parsed.value);
        else done.set(Checkpoint.key(parsed.system, parsed.id), parsed);
      } catch {
        // A torn line from a killed run: that example is simply done again.
      }
    }
    return new Checkpoint(file, done, scores);
  }

  private static key(system: string, id: number): string {
    return `${system}\u0000${id}`;
  }

  private static qualityKey(key: QualityKey): string {
    const reply = createHash('sha256').update(key.reply).digest('hex').slice(0, 16);
    return [key.kind, key.scorer, key.system, key.id, reply].join('\u0000');
  }

  get(system: string, id: number): CheckpointRecord | undefined {
    return this.done.get(Checkpoint.key(system, id));
  }

  async add(record: CheckpointRecord): Promise<void> {
    this.done.set(Checkpoint.key(record.system, record.id), record);
    await appendFile(this.file, `${JSON.stringify(record)}\n`);
  }

  /** A score computed by an earlier (interrupted) run, if any. */
  getQuality(key: QualityKey): QualityValue | undefined {
    const value = this.scores.get(Checkpoint.qualityKey(key));
    return value?.kind === key.kind ? value : undefined;
  }

  async addQuality(key: QualityKey, value: QualityValue): Promise<void> {
    const quality = Checkpoint.qualityKey(key);
    this.scores.set(quality, value);
    await appendFile(this.file, `${JSON.stringify({ quality, value } satisfies QualityLine)}\n`);
  }
}
