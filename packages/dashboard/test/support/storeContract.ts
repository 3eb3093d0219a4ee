/**
 * The contract every DashboardStore passes (MQTT.js's abstract_store pattern): SQLite and memory
 * here, and a PostgreSQL store later would call `storeContract` with its own factory.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertPayload, SessionEventPayload } from '@hearth/telemetry/mqtt';
import type { DashboardStore, NoticeView, SessionSummary } from '../../src/store/DashboardStore.js';
import { addUser, checkLogin } from '../../src/auth/users.js';
import { sharedTurn, unsharedTurn } from './FakeRobotPublisher.js';

export const ts = (minute: number, day = 1): string =>
  new Date(Date.UTC(2025, 0, day, 10, minute)).toISOString();

export function turnEvent(
  sessionId: string,
  seq: number,
  eventId = randomUUID(),
  at = ts(seq),
): SessionEventPayload {
  return {
    schema: 1,
    robot: 'r1',
    ts: at,
    sessionId,
    eventId,
    seq,
    type: 'turn',
    turn: seq % 2 === 0 ? sharedTurn(seq, `about my garden ${seq}`, 'lovely') : unsharedTurn(seq),
  };
}

export const SUMMARY: SessionSummary = {
  reason: 'goodbye',
  durationMs: 312_000,
  turns: 6,
  interruptions: 1,
  alerts: 0,
  moodStart: 'sadness',
  moodEnd: 'neutral',
  firstAudioMeanMs: 820,
  firstAudioP50Ms: 760,
  firstAudioP95Ms: 1400,
};

export function summaryEvent(sessionId: string, seq: number, at = ts(seq)): SessionEventPayload {
  return {
    schema: 1,
    robot: 'r1',
    ts: at,
    sessionId,
    eventId: randomUUID(),
    seq,
    type: 'session.summary',
    summary: SUMMARY,
  };
}

export function alert(
  status: AlertPayload['status'],
  minute: number,
  alertId = 'a1',
  day = 1,
): AlertPayload {
  return {
    schema: 1,
    robot: 'r1',
    ts: ts(minute, day),
    alertId,
    sessionId: 's1',
    level: 'high',
    category: 'self_harm',
    reasons: [],
    message: 'I am here with you.',
    status,
    contact: status === 'escalated' ? 'secondary' : 'primary',
    raisedAt: ts(0, day),
    escalateAt: ts(2, day),
    resends: minute,
    acknowledgedBy: status === 'acknowledged' ? 'carol' : '',
  };
}

export function notice(noticeId: string, sessionId: string, at = ts(3)): NoticeView {
  return {
    robot: 'r1',
    noticeId,
    sessionId,
    ts: at,
    level: 'moderate',
    category: 'hopelessness',
    reasons: ['lexicon: no point'],
    message: 'The robot follows the careful protocol.',
  };
}

export function storeContract(open: () => DashboardStore): void {
  it('keeps moderate-risk notices once each, with their session and apart from alerts', async () => {
    const store = open();
    await store.applySessionEvent(turnEvent('s1', 1));
    const change = await store.applyNotice(notice('n1', 's1'));
    expect(change?.notice?.noticeId).toBe('n1');
    expect(change?.session?.notices?.map((n) => n.noticeId)).toEqual(['n1']);
    // QoS 1 may deliver it again: stored once.
    expect(await store.applyNotice(notice('n1', 's1'))).toBeUndefined();
    await store.applyNotice(notice('n2', '', ts(4)));
    const snapshot = await store.snapshot();
    expect(snapshot.notices?.map((n) => n.noticeId)).toEqual(['n2', 'n1']);
    expect(snapshot.notices?.[1]).toEqual(notice('n1', 's1'));
    expect(snapshot.alerts).toEqual([]);
    expect((await store.searchSessions('s1', 5))[0]?.notices?.map((n) => n.noticeId)).toEqual([
      'n1',
    ]);
    expect((await store.snapshot(['r2'])).notices).toEqual([]);
    // Quiet hours as a caregiver set them.
    const quiet = { start: '22:00', end: '07:00', setBy: 'carol', setAt: ts(5) };
    expect((await store.setQuietHours('r1', quiet)).robot.quietHours).toEqual(quiet);
    expect((await store.robot('r1')).quietHours).toEqual(quiet);
    expect((await store.purgeBefore(ts(0, 2))).events).toBe(3);
    expect((await store.snapshot()).notices).toEqual([]);
    await store.dispose();
  });

  it('applies each event exactly once, whatever the redeliveries, and orders turns by seq', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 30 }),
        async (redeliveries) => {
          const store = open();
          const events = Array.from({ length: 10 }, (_, i) => turnEvent('s1', i + 1));
          const arrivals = [...[...events].reverse(), ...redeliveries.map((i) => events[i]!)];
          let applied = 0;
          for (const e of arrivals) if ((await store.applySessionEvent(e)) !== undefined) applied++;
          const session = (await store.snapshot()).sessions[0];
          await store.dispose();
          return (
            applied === 10 &&
            JSON.stringify(session?.turns.map((t) => t.seq)) ===
              JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('keeps alerts: escalation is one way, and an acknowledged alert never reopens', async () => {
    const store = open();
    expect((await store.applyAlert(alert('open', 0)))?.alert?.status).toBe('open');
    expect((await store.applyAlert(alert('escalated', 2)))?.alert?.status).toBe('escalated');
    expect((await store.applyAlert(alert('open', 3)))?.alert?.status).toBe('escalated');
    expect((await store.applyAlert(alert('acknowledged', 4)))?.alert).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'carol',
    });
    expect(await store.applyAlert(alert('open', 5))).toBeUndefined();
    expect((await store.snapshot()).alerts).toMatchObject([
      { alertId: 'a1', status: 'acknowledged' },
    ]);
    await store.dispose();
  });

  it('keeps mood over time, and finds sessions by shared words and moods only', async () => {
    const store = open();
    for (let day = 0; day < 3; day += 1)
      await store.applyMood({
        schema: 1,
        robot: 'r1',
        ts: new Date(Date.UTC(2025, 0, 1 + day * 10)).toISOString(),
        sessionId: `s${day}`,
        emotion: 'sadness',
        intensity: 0.5,
        valence: -0.5 + day * 0.5,
      });
    expect(
      (await store.moodHistory('r1', '2025-01-05T00:00:00.000Z')).map((m) => m.valence),
    ).toEqual([0, 0.5]);
    expect((await store.snapshot()).mood).toHaveLength(3);
    await store.applySessionEvent(turnEvent('garden-talk', 2));
    await store.applySessionEvent(turnEvent('other', 3));
    await store.applySessionEvent(summaryEvent('other', 4));
    const ids = async (q: string) => (await store.searchSessions(q, 10)).map((s) => s.sessionId);
    expect(await ids('GARDEN 2')).toEqual(['garden-talk']);
    expect(await ids('100%')).toEqual([]);
    expect(await ids('oth')).toEqual(['other']);
    expect(await ids('Neutral')).toEqual(['other']);
    await store.dispose();
  });

  it('keeps the session summary with its session', async () => {
    const store = open();
    await store.applySessionEvent(turnEvent('s9', 1));
    const change = await store.applySessionEvent(summaryEvent('s9', 2));
    expect(change?.session?.summary).toEqual(SUMMARY);
    expect((await store.snapshot()).sessions[0]?.summary).toEqual(SUMMARY);
    expect((await store.searchSessions('s9', 5))[0]?.summary).toEqual(SUMMARY);
    await store.dispose();
  });

  it('shows a reader only the robots in scope', async () => {
    const store = open();
    for (const robot of ['r1', 'r2'])
      await store.applyStatus({ schema: 1, robot, ts: ts(0), state: 'online' });
    await store.applySessionEvent(turnEvent('s1', 2));
    await store.applyAlert(alert('open', 0));
    const r2 = await store.snapshot(['r2']);
    expect(r2.robots.map((r) => r.robot)).toEqual(['r2']);
    expect(r2.sessions).toEqual([]);
    expect(r2.alerts).toEqual([]);
    expect((await store.snapshot(['r1'])).alerts).toHaveLength(1);
    expect(await store.searchSessions('garden', 10, ['r2'])).toEqual([]);
    expect(await store.searchSessions('garden', 10, ['r1'])).toHaveLength(1);
    await store.dispose();
  });

  it('keeps users with scrypt hashes, never the password; disabled ones cannot log in', async () => {
    const store = open();
    expect(await store.userCount()).toBe(0);
    await addUser(store, 'carol', 'correct horse battery', 'caregiver', ['r1']);
    expect(await store.userCount()).toBe(1);
    expect((await store.findUser('carol'))?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await store.findUser('carol'))).not.toContain('correct horse');
    expect(await checkLogin(store, 'carol', 'correct horse battery')).toMatchObject({
      role: 'caregiver',
      robots: ['r1'],
      disabled: false,
    });
    expect(await checkLogin(store, 'carol', 'wrong password!')).toBeUndefined();
    expect(await checkLogin(store, 'nobody', 'correct horse battery')).toBeUndefined();
    await store.updateUser('carol', { disabled: true, robots: ['r1', 'r2'] });
    expect(await checkLogin(store, 'carol', 'correct horse battery')).toBeUndefined();
    expect(await store.listUsers()).toMatchObject([
      { name: 'carol', disabled: true, robots: ['r1', 'r2'] },
    ]);
    expect(await store.updateUser('nobody', { disabled: true })).toBeUndefined();
    await expect(addUser(store, 'bob', 'short', 'caregiver')).rejects.toThrow(/10 characters/);
    await expect(addUser(store, 'has space', 'long enough pw', 'admin')).rejects.toThrow(
      /user name/,
    );
    await store.dispose();
  });

  it('keeps logins by token hash, renews and expires them', async () => {
    const store = open();
    await store.putLogin({ tokenHash: 'h1', userName: 'carol', createdAt: ts(0), expiresAt: 100 });
    await store.putLogin({ tokenHash: 'h2', userName: 'carol', createdAt: ts(0), expiresAt: 300 });
    await store.putLogin({ tokenHash: 'h3', userName: 'dana', createdAt: ts(0), expiresAt: 300 });
    await store.renewLogin('h1', 200);
    expect((await store.findLogin('h1'))?.expiresAt).toBe(200);
    expect(await store.deleteExpiredLogins(250)).toBe(1);
    expect(await store.findLogin('h1')).toBeUndefined();
    await store.deleteLoginsOf('carol');
    expect(await store.findLogin('h2')).toBeUndefined();
    await store.deleteLogin('h3');
    expect(await store.findLogin('h3')).toBeUndefined();
    await store.dispose();
  });

  it('keeps settings, and records the notice to the second contact once', async () => {
    const store = open();
    expect(await store.settings()).toEqual({ retentionDays: 365, secondContact: null });
    const contact = { name: 'Dana', webhookUrl: 'http://127.0.0.1:9/hook' };
    await store.putSettings({ retentionDays: 30, secondContact: contact });
    expect(await store.settings()).toEqual({ retentionDays: 30, secondContact: contact });
    await store.applyAlert(alert('escalated', 2));
    expect(await store.startNotification('r1', 'a1', contact, ts(3))).toBe(true);
    expect(await store.startNotification('r1', 'a1', contact, ts(4))).toBe(false);
    await store.recordDelivery({
      robot: 'r1',
      alertId: 'a1',
      attempt: 1,
      at: ts(3),
      ok: false,
      detail: 'HTTP 500',
    });
    expect(await store.pendingNotifications()).toEqual([
      { robot: 'r1', alertId: 'a1', contact, attempts: 1 },
    ]);
    await store.recordDelivery({
      robot: 'r1',
      alertId: 'a1',
      attempt: 2,
      at: ts(4),
      ok: true,
      detail: 'HTTP 200',
    });
    await store.finishNotification('r1', 'a1', 'delivered', ts(4));
    expect(await store.pendingNotifications()).toEqual([]);
    expect((await store.alert('r1', 'a1'))?.notification).toMatchObject({
      contact: 'Dana',
      state: 'delivered',
      finishedAt: ts(4),
      deliveries: [
        { attempt: 1, ok: false, detail: 'HTTP 500' },
        { attempt: 2, ok: true, detail: 'HTTP 200' },
      ],
    });
    expect((await store.snapshot()).alerts?.[0]?.notification?.state).toBe('delivered');
    expect(await store.startNotification('r1', 'a2', null, ts(5))).toBe(true);
    await store.applyAlert(alert('escalated', 5, 'a2'));
    expect((await store.alert('r1', 'a2'))?.notification?.state).toBe('unconfigured');
    await store.dispose();
  });

  it('purges old history but never an alert nobody acknowledged', async () => {
    const store = open();
    // Day 1: an old session with a summary, mood, an acknowledged and an open alert.
    await store.applySessionEvent(turnEvent('old', 1, randomUUID(), ts(1, 1)));
    await store.applySessionEvent(summaryEvent('old', 2, ts(2, 1)));
    await store.applyMood({
      schema: 1,
      robot: 'r1',
      ts: ts(3, 1),
      sessionId: 'old',
      emotion: 'sadness',
      intensity: 0.4,
      valence: -0.4,
    });
    await store.applyAlert(alert('open', 0, 'acked', 1));
    await store.applyAlert(alert('acknowledged', 5, 'acked', 1));
    await store.applyAlert(alert('open', 0, 'still-open', 1));
    // Day 20: a recent session.
    await store.applySessionEvent(turnEvent('new', 1, randomUUID(), ts(1, 20)));
    const counts = await store.purgeBefore(ts(0, 10));
    expect(counts).toEqual({ events: 2, sessions: 1, mood: 1, alerts: 1 });
    const after = await store.snapshot();
    expect(after.sessions.map((s) => s.sessionId)).toEqual(['new']);
    expect(after.mood).toEqual([]);
    expect(after.alerts?.map((a) => a.alertId)).toEqual(['still-open']);
    expect(await store.searchSessions('sadness', 10)).toEqual([]);
    // Times with a UTC offset compare as times, not as text: 01:00+02:00 on the 10th is 23:00 UTC
    // on the 9th, before the cutoff, though its text sorts after it.
    await store.applySessionEvent(
      turnEvent('offset', 1, randomUUID(), '2025-01-10T01:00:00+02:00'),
    );
    expect((await store.purgeBefore('2025-01-09T23:30:00.000Z')).events).toBe(1);
    // Nothing more to purge.
    expect(await store.purgeBefore(ts(0, 10))).toEqual({
      events: 0,
      sessions: 0,
      mood: 0,
      alerts: 0,
    });
    await store.dispose();
  });
}
