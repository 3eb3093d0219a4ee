/** The open alerts' file: saved whole, read back, and never half-read. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ALERTS_FILE, FileAlertStore } from '../src/alerts/FileAlertStore.js';
import type { AlertPayload } from '../src/schemas.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-alert-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshDir = (): string => mkdtempSync(join(root, `s${++folders}-`));

const alert = (alertId: string): AlertPayload => ({
  schema: 1,
  robot: 'r1',
  ts: '2026-01-01T00:00:00.000Z',
  alertId,
  sessionId: 's1',
  level: 'high',
  category: 'self_harm',
  reasons: ['self_harm.cutting'],
  message: 'I am here with you.',
  status: 'open',
  contact: 'primary',
  raisedAt: '2026-01-01T00:00:00.000Z',
  escalateAt: '2026-01-01T00:02:00.000Z',
  resends: 0,
  acknowledgedBy: '',
});

describe('FileAlertStore', () => {
  it('reads back what it saved, in order, and leaves no file when nothing is open', () => {
    const dir = freshDir();
    const store = new FileAlertStore(dir);
    expect(store.load()).toEqual([]);
    store.save([alert('a1'), alert('a2')]);
    expect(new FileAlertStore(dir).load().map((a) => a.alertId)).toEqual(['a1', 'a2']);
    expect(readdirSync(dir)).toEqual([ALERTS_FILE]);
    store.save([]);
    expect(existsSync(join(dir, ALERTS_FILE))).toBe(false);
  });

  it('skips what is not a valid alert, and a file that is not JSON', () => {
    const dir = freshDir();
    writeFileSync(join(dir, ALERTS_FILE), JSON.stringify([alert('a1'), { alertId: 'x' }, 3]));
    const store = new FileAlertStore(dir);
    expect(store.load().map((a) => a.alertId)).toEqual(['a1']);
    expect(store.skipped).toBe(2);
    writeFileSync(join(dir, ALERTS_FILE), '[{"torn');
    expect(store.load()).toEqual([]);
    expect(store.skipped).toBe(1);
  });
});
