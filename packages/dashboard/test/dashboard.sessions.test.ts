/**
 * Logins over HTTP: failed logins are throttled (429 with Retry-After, a success resets), logins
 * are kept in SQLite and survive a dashboard restart, expire after their time without use, and a
 * logout ends them. The clock is fake, so nothing here waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmbeddedBroker, type EmbeddedBroker } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard, type DashboardOptions } from '../src/startDashboard.js';
import { SqliteDashboardStore } from '../src/store/SqliteDashboardStore.js';
import { addUser } from '../src/auth/users.js';
import { CapturingLogger } from './support/FakeRobotPublisher.js';
import { http } from './support/http.js';
import { errorOf, login } from './support/login.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-dashboard-logins-'));
const HOUR = 60 * 60 * 1000;

describe('dashboard login sessions', () => {
  let broker: EmbeddedBroker;
  let now = Date.UTC(2025, 5, 1, 9);
  const file = join(root, 'dashboard.sqlite');
  let store: SqliteDashboardStore;
  let dashboard: Dashboard;

  const start = async (extra: Partial<DashboardOptions> = {}) => {
    store = new SqliteDashboardStore({ file });
    dashboard = await startDashboard({
      mqttUrl: broker.url,
      port: 0,
      store,
      logger: new CapturingLogger(),
      now: () => now,
      sessionTtlMs: 2 * HOUR,
      loginThrottle: { freeFailuresPerName: 2, baseDelayMs: 4000 },
      ...extra,
    });
  };
  const stop = async () => {
    await dashboard.close();
    store.dispose();
  };
  const api = (path: string) => new URL(path, dashboard.url);
  const tryLogin = (password: string, name = 'carol') =>
    http('POST', api('/api/login'), { name, password });

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    const setup = new SqliteDashboardStore({ file });
    await addUser(setup, 'carol', 'carol password 1', 'caregiver');
    setup.dispose();
    await start();
  });
  afterAll(async () => {
    await stop();
    await broker.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('throttles failed logins with a growing Retry-After, and a success resets', async () => {
    expect((await tryLogin('wrong one')).status).toBe(401);
    expect((await tryLogin('wrong two')).status).toBe(401);
    // The third failure starts the wait.
    expect((await tryLogin('wrong three')).status).toBe(401);
    const blocked = await tryLogin('carol password 1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('4');
    expect(errorOf(blocked)).toBe('too many failed logins; try again in 4 s');
    // Even the right password waits: it is not checked while blocked.
    now += 4000;
    expect((await tryLogin('wrong four')).status).toBe(401);
    const longer = await tryLogin('carol password 1');
    expect([longer.status, longer.headers['retry-after']]).toEqual([429, '8']);
    now += 8000;
    expect((await tryLogin('carol password 1')).status).toBe(200);
    // Reset: two more failures are free again.
    expect((await tryLogin('wrong five')).status).toBe(401);
    expect((await tryLogin('wrong six')).status).toBe(401);
    expect((await tryLogin('carol password 1')).status).toBe(200);
  });

  it('keeps a login across a dashboard restart, and stores only its hash', async () => {
    const carol = await login(dashboard.url, 'carol', 'carol password 1');
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(200);
    await stop();
    await start();
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(200);
    const token = carol.cookie!.split('=')[1]!;
    const raw = (await import('node:fs')).readFileSync(file);
    expect(raw.includes(Buffer.from(token))).toBe(false);
  });

  it('expires a login after its time without use, renewing it while used', async () => {
    const carol = await login(dashboard.url, 'carol', 'carol password 1');
    now += 1.5 * HOUR;
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(200);
    // Used 1.5 h in: it now lasts until 3.5 h.
    now += 1.5 * HOUR;
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(200);
    now += 2 * HOUR + 1;
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(401);
    expect((await http('GET', api('/api/auth'), undefined, carol)).json()).toEqual({
      mode: 'login',
      user: null,
    });
  });

  it('ends a login at logout, also after a restart', async () => {
    const carol = await login(dashboard.url, 'carol', 'carol password 1');
    const other = await login(dashboard.url, 'carol', 'carol password 1');
    const out = await http('POST', api('/api/logout'), undefined, carol);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(401);
    // Another browser's login is its own.
    expect((await http('GET', api('/api/snapshot'), undefined, other)).status).toBe(200);
    await stop();
    await start();
    expect((await http('GET', api('/api/snapshot'), undefined, carol)).status).toBe(401);
    expect((await http('GET', api('/api/snapshot'), undefined, other)).status).toBe(200);
  });
});
