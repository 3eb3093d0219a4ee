/**
 * Logins: with users in the store every API and the live socket need a session cookie (httpOnly,
 * SameSite=Strict); without users the dashboard is in development mode, on loopback only. And
 * the ingest fuzzed with fast-check: invalid and oversized payloads are refused, nothing crashes;
 * an alert on alerts/<id> is stored only when the payload names the same alert.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_PAYLOAD_BYTES, alertTopicLevel, isValidTopicLevel } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { TelemetryIngest } from '../src/TelemetryIngest.js';
import { DashboardNeedsUsersError } from '../src/errors/DashboardNeedsUsersError.js';
import { CapturingLogger } from './support/FakeRobotPublisher.js';
import { http } from './support/http.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';
import { alert } from './support/storeContract.js';

describe('dashboard logins', () => {
  let started: TestDashboard;
  let dashboard: Dashboard;

  beforeAll(async () => {
    started = await startTestDashboard([
      { name: 'carol', password: 'correct horse battery', role: 'caregiver' },
    ]);
    ({ dashboard } = started);
  });
  afterAll(() => started.close());

  const api = (path: string) => new URL(path, dashboard.url);

  it('needs a login for data and commands, and sets a strict, httpOnly cookie', async () => {
    expect(dashboard.developmentMode).toBe(false);
    expect((await http('GET', api('/api/snapshot'))).status).toBe(401);
    expect((await http('POST', api('/api/robots/r1/commands/pause'), {})).status).toBe(401);
    expect((await http('GET', api('/live'))).status).toBe(401);
    expect(await (await http('GET', api('/api/auth'))).json()).toEqual({
      mode: 'login',
      user: null,
    });

    const wrong = await http('POST', api('/api/login'), {
      name: 'carol',
      password: 'nope nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const login = await http('POST', api('/api/login'), {
      name: 'carol',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^hearth_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = { cookie: cookie.split(';')[0]! };

    expect((await http('GET', api('/api/snapshot'), undefined, session)).status).toBe(200);
    expect(
      (await http('GET', api('/api/auth'), undefined, session)).json<{ user: unknown }>().user,
    ).toEqual({ name: 'carol', role: 'caregiver', robots: ['*'] });
    const command = await http('POST', api('/api/robots/r1/commands/pause'), {}, session);
    expect(command.status).toBe(202);

    expect((await http('POST', api('/api/logout'), undefined, session)).status).toBe(204);
    expect((await http('GET', api('/api/snapshot'), undefined, session)).status).toBe(401);
  });

  it('refuses to serve beyond loopback without users', async () => {
    await expect(
      startDashboard({ mqttUrl: started.broker.url, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(DashboardNeedsUsersError);
    await expect(
      startDashboard({ mqttUrl: started.broker.url, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/hearth dashboard add-user/);
  });
});

describe('TelemetryIngest fuzzed', () => {
  const topics = fc.constantFrom(
    'status',
    'state',
    'metrics',
    'mood',
    'alert',
    'alerts/a1',
    'alerts/',
    'alerts/+',
    'alerts/a1/extra',
    'notice',
    'session/s1/event',
    'session/s2/event',
    'cmd/pause',
  );
  const payloads = fc.oneof(
    fc.string(),
    fc.json(),
    fc.uint8Array({ maxLength: 200 }),
    fc.constant('x'.repeat(MAX_PAYLOAD_BYTES + 1)),
    fc.record({
      schema: fc.constantFrom(1, 2, '1'),
      robot: fc.constantFrom('r1', 'r2', '', 'a/b'),
      ts: fc.constantFrom('2025-01-01T00:00:00Z', 'yesterday'),
      state: fc.string(),
      sessionId: fc.string(),
      eventId: fc.uuid(),
      seq: fc.integer(),
      type: fc.constantFrom('turn', 'session.start', 'nope'),
      alertId: fc.string(),
      noticeId: fc.constantFrom('n1', '', 'a/b'),
      level: fc.constantFrom('moderate', 'high', ''),
      status: fc.string(),
    }),
  );

  it('refuses what fails validation, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(topics, payloads, async (leaf, payload) => {
        const store = new MemoryDashboardStore();
        const logger = new CapturingLogger();
        const changes: unknown[] = [];
        const ingest = new TelemetryIngest(store, logger, (c) => changes.push(c));
        const bytes =
          payload instanceof Uint8Array
            ? payload
            : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
        await ingest.handle(`hearth/v1/r1/${leaf}`, bytes);
        // Whatever was accepted passed the schema and made it into the store; nothing else did.
        return (
          changes.length === 0 || (await store.snapshot()).robots.some((r) => r.robot === 'r1')
        );
      }),
      { numRuns: 300 },
    );
  });

  // Each alert has its own topic, alerts/<alertId>; the payload names the alert too, and the two
  // must agree. Ids odd enough to be no topic level, topics naming another alert, and the empty
  // retained message that clears an acknowledged alert's topic.
  const oddIds = fc.constantFrom(
    'a1',
    'a2',
    '',
    ' ',
    'a/b',
    'a+b',
    'a#',
    '+',
    '#',
    'ünïcødé-✓',
    'tab\there',
    'nul\u0000',
    'x'.repeat(129),
    alertTopicLevel('a/b'),
  );
  const ids = fc.oneof(oddIds, fc.string({ maxLength: 140 }));
  // The contract suite's alert, with any status the fuzz names (valid or not).
  const alertPayload = (alertId: string, status: string) => ({
    ...alert('open', 0, alertId),
    status,
  });

  it('alerts/<id>: stores an alert only under its own id, ignores clears, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // the topic's id and the payload's: the same, or each its own
          ids.map((id) => [id, id] as const),
          fc.tuple(ids, ids),
        ),
        fc.constantFrom('open', 'escalated', 'acknowledged', 'closed', 'empty', 'junk'),
        fc.boolean(),
        async ([topicId, payloadId], kind, legacy) => {
          const store = new MemoryDashboardStore();
          const logger = new CapturingLogger();
          const changes: unknown[] = [];
          const ingest = new TelemetryIngest(store, logger, (c) => changes.push(c));
          const topic = legacy ? 'hearth/v1/r1/alert' : `hearth/v1/r1/alerts/${topicId}`;
          const payload =
            kind === 'empty'
              ? Buffer.alloc(0)
              : Buffer.from(
                  kind === 'junk'
                    ? `{"alertId":${JSON.stringify(payloadId)}`
                    : JSON.stringify(alertPayload(payloadId, kind)),
                );
          await ingest.handle(topic, payload);
          const stored = (await store.snapshot()).alerts ?? [];
          const valid =
            ['open', 'escalated', 'acknowledged'].includes(kind) && isValidTopicLevel(payloadId);
          const topicMatches =
            legacy || (isValidTopicLevel(topicId) && alertTopicLevel(payloadId) === topicId);
          expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
          if (valid && topicMatches) {
            expect(stored.map((a) => a.alertId)).toEqual([payloadId]);
            expect(changes).toHaveLength(1);
          } else {
            // Refused (invalid, or naming another alert than its topic), an empty clear, or a
            // topic that is no alert's: nothing stored.
            expect(stored).toEqual([]);
            expect(changes).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
