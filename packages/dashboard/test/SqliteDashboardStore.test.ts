import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertPayload, SessionEventPayload } from '@hearth/telemetry/mqtt';
import { SqliteDashboardStore } from '../src/store/SqliteDashboardStore.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import type { DashboardStore } from '../src/store/DashboardStore.js';
import { addUser, checkLogin } from '../src/auth/users.js';
import { sharedTurn, unsharedTurn } from './support/FakeRobotPublisher.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-dashboard-db-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ts = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute)).toISOString();

function turnEvent(sessionId: string, seq: number, eventId = randomUUID()): SessionEventPayload {
  return {
    schema: 1,
    robot: 'r1',
    ts: ts(seq),
    sessionId,
    eventId,
    seq,
    type: 'turn',
    turn: seq % 2 === 0 ? sharedTurn(seq, `about my garden ${seq}`, 'lovely') : unsharedTurn(seq),
  };
}

function alert(status: AlertPayload['status'], minute: number): AlertPayload {
  return {
    schema: 1,
    robot: 'r1',
    ts: ts(minute),
    alertId: 'a1',
    sessionId: 's1',
    level: 'high',
    category: 'self_harm',
    reasons: [],
    message: 'I am here with you.',
    status,
    contact: status === 'escalated' ? 'secondary' : 'primary',
    raisedAt: ts(0),
    escalateAt: ts(2),
    resends: minute,
    acknowledgedBy: status === 'acknowledged' ? 'carol' : '',
  };
}

const stores: [string, () => DashboardStore][] = [
  ['SqliteDashboardStore', () => new SqliteDashboardStore({ file: ':memory:' })],
  ['MemoryDashboardStore', () => new MemoryDashboardStore()],
];

describe.each(stores)('%s', (_name, open) => {
  it('applies each event exactly once, whatever the redeliveries, and orders turns by seq', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 30 }),
        (redeliveries) => {
          const store = open();
          const events = Array.from({ length: 10 }, (_, i) => turnEvent('s1', i + 1));
          const arrivals = [...[...events].reverse(), ...redeliveries.map((i) => events[i]!)];
          const applied = arrivals.filter((e) => store.applySessionEvent(e) !== undefined);
          const session = store.snapshot().sessions[0];
          store.dispose();
          return (
            applied.length === 10 &&
            JSON.stringify(session?.turns.map((t) => t.seq)) ===
              JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('keeps alerts: escalation is one way, and an acknowledged alert never reopens', () => {
    const store = open();
    expect(store.applyAlert(alert('open', 0))?.alert?.status).toBe('open');
    expect(store.applyAlert(alert('escalated', 2))?.alert?.status).toBe('escalated');
    expect(store.applyAlert(alert('open', 3))?.alert?.status).toBe('escalated');
    expect(store.applyAlert(alert('acknowledged', 4))?.alert).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'carol',
    });
    expect(store.applyAlert(alert('open', 5))).toBeUndefined();
    expect(store.snapshot().alerts).toMatchObject([{ alertId: 'a1', status: 'acknowledged' }]);
    store.dispose();
  });

  it('keeps mood over time and metrics, and finds sessions by shared words only', () => {
    const store = open();
    for (let day = 0; day < 3; day += 1)
      store.applyMood({
        schema: 1,
        robot: 'r1',
        ts: new Date(Date.UTC(2025, 0, 1 + day * 10)).toISOString(),
        sessionId: `s${day}`,
        emotion: 'sadness',
        intensity: 0.5,
        valence: -0.5 + day * 0.5,
      });
    expect(store.moodHistory('r1', '2025-01-05T00:00:00.000Z').map((m) => m.valence)).toEqual([
      0, 0.5,
    ]);
    expect(store.snapshot().mood).toHaveLength(3);
    store.applySessionEvent(turnEvent('garden-talk', 2));
    store.applySessionEvent(turnEvent('other', 3));
    expect(store.searchSessions('GARDEN 2', 10).map((s) => s.sessionId)).toEqual(['garden-talk']);
    expect(store.searchSessions('100%', 10)).toEqual([]);
    expect(store.searchSessions('oth', 10).map((s) => s.sessionId)).toEqual(['other']);
    store.dispose();
  });

  it('keeps users with scrypt hashes, never the password', async () => {
    const store = open();
    expect(store.userCount()).toBe(0);
    await addUser(store, 'carol', 'correct horse battery', 'caregiver');
    expect(store.userCount()).toBe(1);
    expect(store.findUser('carol')?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(store.findUser('carol'))).not.toContain('correct horse');
    expect(await checkLogin(store, 'carol', 'correct horse battery')).toMatchObject({
      role: 'caregiver',
    });
    expect(await checkLogin(store, 'carol', 'wrong password!')).toBeUndefined();
    expect(await checkLogin(store, 'nobody', 'correct horse battery')).toBeUndefined();
    await expect(addUser(store, 'bob', 'short', 'caregiver')).rejects.toThrow(/10 characters/);
    await expect(addUser(store, 'has space', 'long enough pw', 'admin')).rejects.toThrow(
      /user name/,
    );
    store.dispose();
  });
});

describe('SqliteDashboardStore on disk', () => {
  it('keeps everything across a restart, and still de-duplicates', () => {
    const file = join(root, 'restart', 'dashboard.sqlite');
    const first = new SqliteDashboardStore({ file });
    const event = turnEvent('s1', 1);
    first.applyStatus({ schema: 1, robot: 'r1', ts: ts(0), state: 'online' });
    first.applySessionEvent(event);
    first.dispose();
    first.dispose();
    const second = new SqliteDashboardStore({ file });
    expect(second.applySessionEvent(event)).toBeUndefined();
    expect(second.applySessionEvent(turnEvent('s1', 2))?.session?.turns).toHaveLength(2);
    expect(second.snapshot().robots).toMatchObject([{ robot: 'r1', status: 'online' }]);
    second.dispose();
  });
});
