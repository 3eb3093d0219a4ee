/**
 * The on-disk outbox: telemetry survives broker outages and robot restarts. Two append-only
 * files in one folder, so a write never rewrites what is already on disk:
 *
 * - `journal.jsonl`: one entry per line, in the order appended;
 * - `removed.log`: one id per line for each entry acknowledged by the broker or dropped for room.
 *
 * At open, the live entries are the journal minus the removed ids, in journal order. A line torn
 * by a crash mid-write is skipped (it was never acknowledged to the caller). When enough has been
 * removed, the journal is compacted: the live entries are written to a new file that replaces the
 * journal by rename (atomic), then the removal log is emptied; a crash in between leaves removal
 * ids that name nothing, which is harmless. Entries are also kept in memory (the outbox is
 * bounded), so peeking never reads the disk.
 */
import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';
import { OutboxDirError } from '../errors/OutboxDirError.js';
import type { Outbox, OutboxEntry, OutboxReviser } from './Outbox.js';

export interface FileOutboxOptions {
  /** The folder; created when missing. One process per folder. */
  readonly dir: string;
  /** Most entries kept; default 1000. Alerts are never dropped, so they may exceed it. */
  readonly capacity?: number;
  /** Told about each entry dropped for room, so the loss is logged. */
  readonly onDrop?: (entry: OutboxEntry) => void;
  /**
   * Flush each write to the storage device before the call returns (default true). Without it a
   * power cut may lose the last writes; a process crash still loses nothing.
   */
  readonly sync?: boolean;
  /** Compact once at least this many removals are logged; default 256. */
  readonly compactAfter?: number;
}

/** The journal's file name in the outbox folder. */
export const OUTBOX_JOURNAL = 'journal.jsonl';
const JOURNAL = OUTBOX_JOURNAL;
const REMOVED = 'removed.log';
const COMPACTING = 'journal.jsonl.tmp';
const LOCK = 'lock';

export class FileOutbox implements Outbox {
  readonly dir: string;
  /** Entries dropped for room since this outbox was opened. */
  dropped = 0;
  /** Journal lines skipped at open because a crash tore them. */
  readonly tornLines: number;
  private entries: OutboxEntry[] = [];
  private journalFd: number | undefined;
  private removedFd: number | undefined;
  private removedCount = 0;
  private readonly capacity: number;
  private readonly onDrop: ((entry: OutboxEntry) => void) | undefined;
  private readonly sync: boolean;
  private readonly compactAfter: number;

  constructor(options: FileOutboxOptions) {
    this.dir = options.dir;
    this.capacity = options.capacity ?? 1000;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError(
        `FileOutbox capacity must be a whole number of at least 1, got ${this.capacity}`,
      );
    }
    this.onDrop = options.onDrop;
    this.sync = options.sync ?? true;
    this.compactAfter = Math.max(1, options.compactAfter ?? 256);
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw new OutboxDirError(this.dir, (error as Error).message);
    }
    this.lock();
    try {
      rmSync(join(this.dir, COMPACTING), { force: true });
    } catch (error) {
      this.unlock();
      throw new OutboxDirError(this.dir, (error as Error).message);
    }
    const { entries, torn, removed } = this.load();
    this.entries = entries;
    this.tornLines = torn;
    this.removedCount = removed;
    try {
      this.journalFd = openSync(join(this.dir, JOURNAL), 'a');
      this.removedFd = openSync(join(this.dir, REMOVED), 'a');
      // A torn last line must not swallow the next entry: start the next one on its own line.
      for (const [name, fd] of [
        [JOURNAL, this.journalFd],
        [REMOVED, this.removedFd],
      ] as const)
        if (!endsWithNewline(join(this.dir, name))) this.write(fd, '\n');
    } catch (error) {
      this.closeFiles();
      this.unlock();
      throw new OutboxDirError(this.dir, (error as Error).message);
    }
    // A restart after many removals starts from a small journal.
    if (this.removedCount >= this.compactAfter) this.compact();
  }

  async append(entry: OutboxEntry): Promise<void> {
    this.write(this.requireOpen(this.journalFd), `${JSON.stringify(entry)}\n`);
    this.entries.push(entry);
    if (this.entries.length > this.capacity) {
      const victim = this.entries.findIndex((e) => e.priority !== 'alert');
      if (victim >= 0) {
        const [dropped] = this.entries.splice(victim, 1);
        if (dropped) {
          this.logRemoval(dropped.id);
          this.dropped += 1;
          this.onDrop?.(dropped);
        }
      }
    }
  }

  async peek(limit: number): Promise<readonly OutboxEntry[]> {
    return this.entries.slice(0, Math.max(0, limit));
  }

  async acknowledge(id: string): Promise<void> {
    const index = this.entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.logRemoval(id);
  }

  async size(): Promise<number> {
    return this.entries.length;
  }

  /**
   * Revises in memory, then rewrites the journal (compaction: a new file renamed over it), so the
   * old form of a revised entry is in no file of the outbox once this returns.
   */
  async revise(reviser: OutboxReviser): Promise<number> {
    this.requireOpen(this.journalFd);
    let changed = 0;
    const kept: OutboxEntry[] = [];
    for (const entry of this.entries) {
      const revised = reviser(entry);
      if (revised !== entry) changed += 1;
      if (revised) kept.push({ ...revised, id: entry.id });
    }
    if (changed === 0) return 0;
    this.entries = kept;
    this.compact();
    return changed;
  }

  /** Closes the files and frees the folder; what waits stays on disk for the next open. Idempotent. */
  async dispose(): Promise<void> {
    if (this.journalFd === undefined) return;
    this.closeFiles();
    this.unlock();
  }

  /**
   * Two processes appending to one journal would each resend what the other acknowledged: the
   * folder is taken with a lock file holding the owner's pid. A lock left by a process that is
   * gone (a crash) is taken over.
   */
  private lock(): void {
    const path = join(this.dir, LOCK);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new OutboxDirError(this.dir, (error as Error).message);
      }
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner !== process.pid && isAlive(owner))
        throw new OutboxDirError(this.dir, `it is in use by process ${owner}`);
      rmSync(path, { force: true });
    }
    throw new OutboxDirError(this.dir, 'its lock file could not be taken');
  }

  private unlock(): void {
    rmSync(join(this.dir, LOCK), { force: true });
  }

  private logRemoval(id: string): void {
    // Not flushed to the device: a removal lost to a power cut only sends that entry again, and
    // receivers de-duplicate by event id. Skipping it halves the fsyncs on the main loop (each
    // costs milliseconds on a robot's SD card). Appends are flushed: losing one would lose data.
    writeSync(this.requireOpen(this.removedFd), `${JSON.stringify(id)}\n`);
    this.removedCount += 1;
    if (this.removedCount >= this.compactAfter && this.removedCount > this.entries.length)
      this.compact();
  }

  private compact(): void {
    const tmp = join(this.dir, COMPACTING);
    const fd = openSync(tmp, 'w');
    try {
      const text = this.entries.map((e) => `${JSON.stringify(e)}\n`).join('');
      if (text.length > 0) writeSync(fd, text);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (this.journalFd !== undefined) closeSync(this.journalFd);
    renameSync(tmp, join(this.dir, JOURNAL));
    this.journalFd = openSync(join(this.dir, JOURNAL), 'a');
    const removedFd = this.requireOpen(this.removedFd);
    ftruncateSync(removedFd, 0);
    if (this.sync) fdatasyncSync(removedFd);
    this.removedCount = 0;
  }

  private load(): { entries: OutboxEntry[]; torn: number; removed: number } {
    const removedIds = new Set<string>();
    let removed = 0;
    for (const line of readLines(join(this.dir, REMOVED))) {
      try {
        const id: unknown = JSON.parse(line);
        if (typeof id === 'string') removedIds.add(id);
        removed += 1;
      } catch {
        // A torn removal line: the entry is sent again, and receivers de-duplicate.
      }
    }
    const entries: OutboxEntry[] = [];
    let torn = 0;
    for (const line of readLines(join(this.dir, JOURNAL))) {
      const entry = parseEntry(line);
      if (!entry) {
        torn += 1;
        continue;
      }
      if (!removedIds.has(entry.id)) entries.push(entry);
    }
    // Restarted over a full journal with a smaller capacity: keep the bound, newest and alerts.
    while (entries.length > this.capacity) {
      const victim = entries.findIndex((e) => e.priority !== 'alert');
      if (victim < 0) break;
      entries.splice(victim, 1);
      this.dropped += 1;
    }
    return { entries, torn, removed };
  }

  private write(fd: number, text: string): void {
    writeSync(fd, text);
    if (this.sync) fdatasyncSync(fd);
  }

  private requireOpen(fd: number | undefined): number {
    if (fd === undefined)
      throw new OutboxDirError(this.dir, 'the outbox was disposed; open a new FileOutbox');
    return fd;
  }

  private closeFiles(): void {
    if (this.journalFd !== undefined) closeSync(this.journalFd);
    if (this.removedFd !== undefined) closeSync(this.removedFd);
    this.journalFd = undefined;
    this.removedFd = undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function endsWithNewline(path: string): boolean {
  const text = readFileSync(path);
  return text.length === 0 || text[text.length - 1] === 0x0a;
}

function readLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

function parseEntry(line: string): OutboxEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  if (
    typeof e.id !== 'string' ||
    typeof e.topic !== 'string' ||
    typeof e.payload !== 'string' ||
    (e.qos !== 0 && e.qos !== 1) ||
    typeof e.retain !== 'boolean' ||
    (e.priority !== 'normal' && e.priority !== 'alert')
  )
    return undefined;
  return {
    id: e.id,
    topic: e.topic,
    payload: e.payload,
    qos: e.qos,
    retain: e.retain,
    priority: e.priority,
    ...(typeof e.person === 'string' ? { person: e.person } : {}),
    ...(typeof e.queuedAt === 'number' && Number.isFinite(e.queuedAt)
      ? { queuedAt: e.queuedAt }
      : {}),
  };
}
