/**
 * Open alerts in one JSON file (`alerts.json`, next to the outbox's journal), replaced atomically
 * on every change: written to a temporary file, flushed to the device, renamed over the old one.
 * A crash leaves either the old list or the new one, never half of one.
 */
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AlertPayloadSchema, type AlertPayload } from '../schemas.js';
import type { AlertStore } from './AlertStore.js';

export const ALERTS_FILE = 'alerts.json';

export class FileAlertStore implements AlertStore {
  readonly path: string;
  /** Records skipped by the last load because they were not valid alerts. */
  skipped = 0;

  /** `dir`: an existing folder this process owns (the outbox's, which holds its lock). */
  constructor(dir: string) {
    this.path = join(dir, ALERTS_FILE);
  }

  load(): AlertPayload[] {
    this.skipped = 0;
    if (!existsSync(this.path)) return [];
    let records: unknown;
    try {
      records = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      this.skipped = 1;
      return [];
    }
    if (!Array.isArray(records)) {
      this.skipped = 1;
      return [];
    }
    const alerts: AlertPayload[] = [];
    for (const record of records) {
      const parsed = AlertPayloadSchema.safeParse(record);
      if (parsed.success) alerts.push(parsed.data);
      else this.skipped += 1;
    }
    return alerts;
  }

  save(open: readonly AlertPayload[]): void {
    if (open.length === 0) {
      rmSync(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(open)}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
