import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SqliteDashboardStore } from '../src/store/SqliteDashboardStore.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { storeContract, ts, turnEvent } from './support/storeContract.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-dashboard-db-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SqliteDashboardStore', () => {
  storeContract(() => new SqliteDashboardStore({ file: ':memory:' }));
});

describe('MemoryDashboardStore', () => {
  storeContract(() => new MemoryDashboardStore());
});

describe('SqliteDashboardStore on disk', () => {
  it('keeps everything across a restart, and still de-duplicates', async () => {
    const file = join(root, 'restart', 'dashboard.sqlite');
    const first = new SqliteDashboardStore({ file });
    const event = turnEvent('s1', 1);
    await first.applyStatus({ schema: 1, robot: 'r1', ts: ts(0), state: 'online' });
    await first.applySessionEvent(event);
    await first.putLogin({ tokenHash: 'h', userName: 'carol', createdAt: ts(0), expiresAt: 9e12 });
    first.dispose();
    first.dispose();
    const second = new SqliteDashboardStore({ file });
    expect(await second.applySessionEvent(event)).toBeUndefined();
    expect((await second.applySessionEvent(turnEvent('s1', 2)))?.session?.turns).toHaveLength(2);
    expect((await second.snapshot()).robots).toMatchObject([{ robot: 'r1', status: 'online' }]);
    expect(await second.findLogin('h')).toMatchObject({ userName: 'carol' });
    second.dispose();
  });

  it('upgrades a database made before summaries, logins and robot assignments', async () => {
    const file = join(root, 'old', 'dashboard.sqlite');
    new SqliteDashboardStore({ file }).dispose();
    // Take it back to the first release's tables.
    const db = new Database(file);
    db.exec('ALTER TABLE sessions DROP COLUMN summary_json');
    db.exec('ALTER TABLE users DROP COLUMN disabled');
    db.exec('ALTER TABLE users DROP COLUMN robots_json');
    db.prepare(
      "INSERT INTO users (name, role, password_hash, created_at) VALUES ('old', 'caregiver', 'x', ?)",
    ).run(ts(0));
    db.close();
    const store = new SqliteDashboardStore({ file });
    expect(await store.findUser('old')).toMatchObject({ disabled: false, robots: ['*'] });
    store.dispose();
  });
});
