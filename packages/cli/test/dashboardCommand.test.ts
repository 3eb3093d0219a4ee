import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SqliteDashboardStore, checkLogin } from '@hearth/dashboard';
import { addUserCommand, dashboardClientId } from '../src/commands/dashboard.js';
import { captureOutput } from './support/captureOutput.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-add-user-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hearth dashboard add-user', () => {
  it('reads the password from stdin and stores only its scrypt hash', async () => {
    const db = join(root, 'dashboard.sqlite');
    const { out, text } = captureOutput();
    const code = await addUserCommand(
      'carol',
      { role: 'admin', db },
      Readable.from(['correct horse battery\n']),
      out,
    );
    expect(code).toBe(0);
    expect(text()).toContain('Added admin carol');
    expect(text()).not.toContain('correct horse');
    const store = new SqliteDashboardStore({ file: db });
    expect(await checkLogin(store, 'carol', 'correct horse battery')).toMatchObject({
      role: 'admin',
    });
    store.dispose();
  });

  it('assigns a caregiver the robots given with --robots', async () => {
    const db = join(root, 'robots.sqlite');
    const { out, text } = captureOutput();
    await addUserCommand(
      'dan',
      { role: 'caregiver', robots: 'hall-robot, garden-robot', db },
      Readable.from(['correct horse battery\n']),
      out,
    );
    expect(text()).toContain('Added caregiver dan (robots: hall-robot, garden-robot)');
    const store = new SqliteDashboardStore({ file: db });
    expect(await store.findUser('dan')).toMatchObject({ robots: ['hall-robot', 'garden-robot'] });
    store.dispose();
    await expect(
      addUserCommand(
        'eve',
        { role: 'caregiver', robots: 'a/b', db },
        Readable.from(['correct horse battery\n']),
        captureOutput().out,
      ),
    ).rejects.toThrow(/"a\/b" is not a robot id/);
  });

  it('refuses an unknown role, a short password and an empty stdin, saying why', async () => {
    const db = join(root, 'refused.sqlite');
    await expect(
      addUserCommand(
        'bob',
        { role: 'boss', db },
        Readable.from(['long enough pw\n']),
        captureOutput().out,
      ),
    ).rejects.toThrow(/caregiver or admin/);
    await expect(
      addUserCommand(
        'bob',
        { role: 'caregiver', db },
        Readable.from(['short\n']),
        captureOutput().out,
      ),
    ).rejects.toThrow(/10 characters/);
    await expect(
      addUserCommand('bob', { role: 'caregiver', db }, Readable.from([]), captureOutput().out),
    ).rejects.toThrow(/stdin/);
  });
});

describe('hearth dashboard MQTT session', () => {
  it('keeps one client id per database, so the broker keeps its persistent session', () => {
    const id = dashboardClientId(join(root, 'a.sqlite'));
    expect(id).toMatch(/^hearth-dashboard-.+-[0-9a-f]{10}$/);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(dashboardClientId(join(root, '.', 'a.sqlite'))).toBe(id);
    expect(dashboardClientId(join(root, 'b.sqlite'))).not.toBe(id);
  });
});
