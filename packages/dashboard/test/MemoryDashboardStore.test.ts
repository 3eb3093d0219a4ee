import { describe, it, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SessionEventPayload } from '@hearth/telemetry/mqtt';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { sharedTurn } from './support/FakeRobotPublisher.js';

const ts = '2025-01-01T10:00:00.000Z';
const turnEvent = (
  sessionId: string,
  seq: number,
  eventId = randomUUID(),
): SessionEventPayload => ({
  schema: 1,
  robot: 'r1',
  ts,
  sessionId,
  eventId,
  seq,
  type: 'turn',
  turn: sharedTurn(seq - 2, `u${seq}`, `r${seq}`),
});

describe('MemoryDashboardStore', () => {
  it('tracks robots, status and state', async () => {
    const store = new MemoryDashboardStore();
    await store.applyStatus({ schema: 1, robot: 'r2', ts, state: 'online' });
    const change = await store.applyState({
      schema: 1,
      robot: 'r1',
      ts,
      state: 'listening',
      previousState: 'asleep',
      event: 'wake',
      sessionId: 's',
      turnIndex: 0,
    });
    expect(change.robot).toMatchObject({
      robot: 'r1',
      status: 'unknown',
      state: { state: 'listening', sessionId: 's' },
    });
    expect((await store.snapshot()).robots.map((r) => [r.robot, r.status])).toEqual([
      ['r1', 'unknown'],
      ['r2', 'online'],
    ]);
  });

  it('keeps turns in sequence order and ignores redelivered events', async () => {
    const store = new MemoryDashboardStore();
    const third = turnEvent('s', 3);
    await store.applySessionEvent(third);
    await store.applySessionEvent(turnEvent('s', 2));
    expect(await store.applySessionEvent(third)).toBeUndefined();
    const [session] = (await store.snapshot()).sessions;
    expect(session?.turns.map((t) => t.seq)).toEqual([2, 3]);
  });

  it('records start and end, newest session first, within its bound', async () => {
    const store = new MemoryDashboardStore({ maxSessions: 2 });
    for (const id of ['a', 'b', 'c'])
      await store.applySessionEvent({
        schema: 1,
        robot: 'r1',
        ts,
        sessionId: id,
        eventId: randomUUID(),
        seq: 1,
        type: 'session.start',
      });
    await store.applySessionEvent({
      schema: 1,
      robot: 'r1',
      ts,
      sessionId: 'c',
      eventId: randomUUID(),
      seq: 2,
      type: 'session.end',
      turnCount: 0,
      reason: 'goodbye',
    });
    expect((await store.snapshot()).sessions.map((s) => [s.sessionId, s.endReason])).toEqual([
      ['c', 'goodbye'],
      ['b', null],
    ]);
  });
});
