/**
 * Who is with the robot comes from ros4hri's tracked persons (`/humans/persons/tracked`,
 * hri_msgs/msg/IdsList), on a real in-process graph and the embedded aedes broker: the most
 * restrictive consent among everyone tracked applies (anyone unrecognised counts as
 * consent.default), nobody tracked falls back to consent.current_person, a list nobody renews
 * expires (on the node's hand-moved timers), and a consent drop in the middle of a session applies
 * to the next turn.
 */
import { describe, expect, it } from '@jest/globals';
import {
  AffectType,
  DialogueStateType,
  IdsListType,
  SafetyAlertType,
  Topics,
  TurnRecordType,
} from '@hearth/interfaces';
import { Qos, type GraphNode, type LogCapture, type ParameterValue } from '@hearth/graph';
import type { TelemetryNode } from '../src/TelemetryNode.js';
import { MqttProbe, type ProbeMessage } from './support/MqttProbe.js';
import { cleanupAfterEach } from './support/cleanups.js';
import { MARGARET_AND_TOM } from './support/people.js';
import type { FakeTimers } from './support/FakeTimers.js';
import { startTelemetryHarness } from './support/telemetryHarness.js';
import { until } from '../../../tests/support/until.js';

const { track } = cleanupAfterEach();

const USER = 'Priya rang me, her number is 07700 900123.';
const REPLY = 'That is kind of Priya, Maggie.';

const people: Record<string, ParameterValue> = {
  ...MARGARET_AND_TOM,
  // ros4hri knows Tom by another id.
  'people.tom.hri_id': 'person_t0m',
};

interface Rig {
  readonly driver: GraphNode;
  readonly node: GraphNode;
  readonly telemetry: TelemetryNode;
  readonly probe: MqttProbe;
  readonly capture: LogCapture;
  /** The node's hand-moved timers (when the rig was asked for them). */
  readonly timers: FakeTimers;
  /** Publishes the tracked persons and waits until telemetry took them. */
  track(ids: string[], audience: string): Promise<void>;
  /** One finished turn in `sessionId`; resolves with what reached the broker. */
  turn(sessionId: string, index: number): Promise<ProbeMessage>;
}

async function rig(
  robot: string,
  overrides: Record<string, ParameterValue>,
  fakeTimers = false,
): Promise<Rig> {
  const harness = track(
    await startTelemetryHarness({ robot, parameterOverrides: overrides, realTimers: !fakeTimers }),
  );
  const { driver, node, telemetry, probe, capture, timers } = harness;
  const tracked = driver.createPublisher(IdsListType, Topics.trackedPersons, Qos.events);
  // Subscribed after the telemetry node: once this one has a list, telemetry has it too (a
  // repeated list changes nothing visible to wait for).
  let delivered = 0;
  driver.createSubscription(IdsListType, Topics.trackedPersons, () => delivered++, Qos.events);
  const states = driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
  const turns = driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
  const affect = driver.createPublisher(AffectType, Topics.affect, Qos.events);
  const started = new Set<string>();
  return {
    driver,
    node,
    telemetry,
    probe,
    capture,
    timers,
    track: async (ids, audience) => {
      const count = delivered + 1;
      tracked.publish(IdsListType.create({ ids }));
      await until(
        `telemetry to track ${audience}`,
        () => delivered >= count && telemetry.consent.audience === audience,
      );
    },
    turn: async (sessionId, index) => {
      const stamp = driver.clock.now();
      if (!started.has(sessionId)) {
        started.add(sessionId);
        states.publish(
          DialogueStateType.create({
            stamp,
            state: 'listening',
            session_id: sessionId,
            event: 'wake',
          }),
        );
      }
      turns.publish(
        TurnRecordType.create({
          stamp,
          session_id: sessionId,
          turn_index: index,
          kind: 'reply',
          user_text: USER,
          reply_text: REPLY,
          turn_total_ms: 900,
        }),
      );
      affect.publish(AffectType.create({ session_id: sessionId, emotion: 'joy', intensity: 0.4 }));
      return probe.next(
        (m) =>
          m.topic.endsWith(`/session/${sessionId}/event`) &&
          (m.json as { type?: string; turn?: { index?: number } }).type === 'turn' &&
          (m.json as { turn: { index?: number } }).turn.index === index,
      );
    },
  };
}

function textOf(message: ProbeMessage): { shared: boolean; userText?: string } {
  return (message.json as { turn: { shared: boolean; userText?: string } }).turn;
}

describe('TelemetryNode with ros4hri tracked persons', () => {
  it('shares redacted transcripts when only Margaret, who consented, is tracked', async () => {
    const r = await rig('tracked-one', people);
    await r.track(['margaret'], 'margaret');
    const turn = await r.turn('s-1', 1);
    expect(textOf(turn)).toMatchObject({
      shared: true,
      // Priya was never introduced nor in the profile: the gazetteer catches her.
      userText: '[NAME] rang me, her number is [PHONE].',
    });
    expect(r.probe.messages.map((m) => m.text).join('\n')).not.toMatch(/Priya|Maggie|07700/);
  });

  it('falls to state and mood when someone unrecognised is tracked beside her', async () => {
    const r = await rig('tracked-two', people);
    await r.track(['margaret', 'anonymous_person_3'], '?,margaret');
    const turn = await r.turn('s-1', 1);
    expect(textOf(turn).shared).toBe(false);
    await r.probe.next((m) => m.topic.endsWith('/mood'));
    expect(r.probe.messages.map((m) => m.text).join('\n')).not.toMatch(/userText|replyText/);
  });

  it("maps ros4hri's own ids (hri_id) and takes the most restrictive known consent", async () => {
    const r = await rig('tracked-hri', people);
    await r.track(['margaret', 'person_t0m'], 'margaret,tom');
    expect(r.telemetry.consent.currentLevel).toBe('summaries');
    expect(textOf(await r.turn('s-1', 1)).shared).toBe(false);
  });

  it('follows consent.current_person when nobody is tracked', async () => {
    const r = await rig('tracked-none', { ...people, 'consent.current_person': 'margaret' });
    await r.track(['person_t0m'], 'tom');
    expect(textOf(await r.turn('s-1', 1)).shared).toBe(false);
    // Tom leaves: nobody tracked, so the caregiver's choice (Margaret) applies again.
    await r.track([], 'margaret');
    expect(textOf(await r.turn('s-1', 2)).shared).toBe(true);
  });

  it('lets a list nobody renews expire, once, back to consent.current_person', async () => {
    const r = await rig(
      'tracked-expiry',
      { ...people, 'consent.current_person': 'margaret' },
      true,
    );
    const { timers } = r;
    const expiries = () =>
      r.capture.linesOf('telemetry', 'warn').filter((l) => /tracked persons expired/.test(l.msg));
    await r.track(['person_t0m'], 'tom');
    // ros4hri repeats the list: each one renews it, however long the person stays.
    timers.advance(4000);
    await r.track(['person_t0m'], 'tom');
    timers.advance(4000);
    expect(r.telemetry.consent.audience).toBe('tom');
    expect(textOf(await r.turn('s-1', 1)).shared).toBe(false);
    // The publisher stops: 5 s (the default) after its last list, nobody counts as tracked.
    timers.advance(1000);
    expect(r.telemetry.consent.audience).toBe('margaret');
    expect(textOf(await r.turn('s-1', 2)).shared).toBe(true);
    timers.advance(60_000);
    expect(expiries()).toHaveLength(1);
    // A new list holds again; an empty one has nothing to expire.
    await r.track(['person_t0m'], 'tom');
    expect(timers.delays()).toContain(5000);
    await r.track([], 'margaret');
    expect(timers.delays()).not.toContain(5000);
    // 0: a list never expires.
    r.node.setParameters({ 'consent.tracked_persons_timeout_ms': 0 });
    await r.track(['anonymous_person_2'], '?');
    timers.advance(3_600_000);
    expect(r.telemetry.consent.audience).toBe('?');
    expect(expiries()).toHaveLength(1);
  });

  it('ignores the tracked persons when the source is turned off', async () => {
    const r = await rig('tracked-off', { ...people, 'consent.current_person': 'margaret' });
    await r.track(['anonymous_person_1'], '?');
    r.node.setParameters({ 'consent.use_tracked_persons': false });
    expect(r.telemetry.consent.audience).toBe('margaret');
    expect(textOf(await r.turn('s-1', 1)).shared).toBe(true);
    expect(r.node.setParameters({ 'consent.tracked_persons_topic': '/x' })[0]).toMatchObject({
      successful: false,
      reason: expect.stringMatching(/read at start.*restart/),
    });
  });

  it('applies a revocation or a newcomer in the middle of a session to the next turn', async () => {
    const r = await rig('tracked-revoke', people);
    await r.track(['margaret'], 'margaret');
    expect(textOf(await r.turn('s-1', 1)).shared).toBe(true);
    r.node.setParameters({ 'people.margaret.consent': 'state_mood' });
    expect(textOf(await r.turn('s-1', 2)).shared).toBe(false);
    r.node.setParameters({ 'people.margaret.consent': 'transcripts' });
    expect(textOf(await r.turn('s-1', 3)).shared).toBe(true);
    // Someone unrecognised walks in, with consent.default at nothing: no turn leaves at all.
    r.node.setParameters({ 'consent.default': 'nothing' });
    await r.track(['margaret', 'anonymous_person_9'], '?,margaret');
    await r.probe.next((m) => m.topic.endsWith('/state') && m.text === '');
    const before = r.probe.messages.length;
    void r.turn('s-1', 4);
    // An alert always leaves, after what was queued before it: once it is there, so would be the turn.
    r.driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
      SafetyAlertType.create({
        alert_id: 'end',
        level: 'high',
        category: 'suicidal_ideation',
        reasons: ['suicidal.kill_self'],
      }),
    );
    await r.probe.next((m) => /\/alerts\//.test(m.topic));
    // (Only the empty retained state and mood that clear the dashboard's copies.)
    const after = r.probe.messages
      .slice(before)
      .filter((m) => m.text !== '')
      .map((m) => m.topic.split('/').slice(3).join('/'));
    expect(after.filter((t) => t.startsWith('session/') || t === 'mood')).toEqual([]);
  });
});
