/**
 * The open sessions' numbering (a SeqReservation snapshot: each session's reserved `seq`, turn
 * count and start) in one JSON file, `sessions.json` next to the outbox's journal, replaced
 * atomically like `alerts.json`: written to a temporary file, flushed to the device, renamed over
 * the old one. A crash leaves the old numbering or the new one, never half of one; an unreadable
 * file counts as no open session. Saving is asynchronous (off the event loop, which every node of
 * `hearth start` shares); the caller orders it before the events it covers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NO_SESSIONS, type SessionsSnapshot } from '../SessionTracker.js';

export const SESSIONS_FILE = 'sessions.json';

const SnapshotSchema = z.object({
  current: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string().min(1),
      seq: z.number().int().nonnegative(),
      turnCount: z.number().int().nonnegative(),
      startedAt: z.number(),
    }),
  ),
});

export class FileSessionStore {
  readonly path: string;
  /** True when the last load found a file it could not read (then: no open session). */
  unreadable = false;

  /** `dir`: an existing folder this process owns (the outbox's, which holds its lock). */
  constructor(dir: string) {
    this.path = join(dir, SESSIONS_FILE);
  }

  load(): SessionsSnapshot {
    this.unreadable = false;
    if (!existsSync(this.path)) return NO_SESSIONS;
    try {
      return SnapshotSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      this.unreadable = true;
      return NO_SESSIONS;
    }
  }

  /** Replaces what is saved; no open session leaves no file behind. Call one at a time. */
  async save(snapshot: SessionsSnapshot): Promise<void> {
    if (snapshot.sessions.length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(`${JSON.stringify(snapshot)}\n`);
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(tmp, this.path);
  }
}
