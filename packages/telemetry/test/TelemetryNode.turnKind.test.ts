/**
 * Robot-initiated turns through the telemetry node and the embedded broker: a caregiver's words
 * said while no session is open go out as a one-turn session of their own (with its metrics),
 * and robot speech does not count in a session's turnCount.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DialogueStateType, Topics, TurnRecordType } from '@hearth/interfaces';
import { Qos, type GraphNode } from '@hearth/graph';
import { MetricsPayloadSchema, SessionEventPayloadSchema } from '../src/schemas.js';
import type { MqttProbe } from './support/MqttProbe.js';
import { startTelemetryHarness, type TelemetryHarness } from './support/telemetryHarness.js';

describe('TelemetryNode and TurnRecord.kind', () => {
  let harness: TelemetryHarness;
  let driver: GraphNode;
  let probe: MqttProbe;
  const robot = `kind-${process.pid}`;

  beforeEach(async () => {
    harness = await startTelemetryHarness({
      robot,
      node: { consent: 'state_mood' },
      realTimers: true,
    });
    ({ driver, probe } = harness);
  });

  afterEach(() => harness.close());

  function publishTurn(sessionId: string, kind: string): void {
    driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events).publish(
      TurnRecordType.create({
        stamp: driver.clock.now(),
        session_id: sessionId,
        kind,
        reply_text: 'Your daughter will call at six.',
        states: ['asleep', 'speaking', 'asleep'],
      }),
    );
  }

  const sessionEvents = (sessionId?: string) =>
    probe.messages
      .filter((m) => m.topic.endsWith('/event'))
      .map((m) => SessionEventPayloadSchema.parse(m.json))
      .filter((e) => sessionId === undefined || e.sessionId === sessionId);

  it("sends a caregiver's say outside a session as a session of its own, with its metrics", async () => {
    publishTurn('', 'caregiver_say');
    await probe.next((m) => m.topic.endsWith('/event') && m.text.includes('"session.end"'));
    await probe.next((m) => m.topic.endsWith('/metrics'));
    const events = sessionEvents();
    const sessionId = events[0]?.sessionId ?? '';
    expect(sessionId).toMatch(/^robot-/);
    expect(events.map((e) => [e.type, e.seq, e.sessionId])).toEqual([
      ['session.start', 1, sessionId],
      ['turn', 2, sessionId],
      ['session.end', 3, sessionId],
    ]);
    expect(events[1]).toMatchObject({ turn: { kind: 'caregiver_say', shared: false } });
    expect(events[2]).toMatchObject({ turnCount: 0, reason: 'outside.session' });
    const metrics = probe.messages.find((m) => m.topic.endsWith('/metrics'));
    expect(MetricsPayloadSchema.parse(metrics?.json).turn?.sessionId).toBe(sessionId);
  });

  it("counts the person's turns only in the session's turnCount", async () => {
    const state = driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    state.publish(
      DialogueStateType.create({ state: 'listening', session_id: 's1', event: 'wake' }),
    );
    publishTurn('s1', 'greeting');
    publishTurn('s1', 'reply');
    publishTurn('s1', 'check_in');
    await probe.next((m) => m.topic.endsWith('/event') && m.text.includes('check_in'));
    state.publish(DialogueStateType.create({ state: 'asleep', session_id: '', event: 'timeout' }));
    await probe.next((m) => m.topic.endsWith('/event') && m.text.includes('"session.end"'));
    expect(sessionEvents('s1').find((e) => e.type === 'session.end')).toMatchObject({
      turnCount: 1,
    });
  });
});
