/**
 * What the telemetry node keeps on disk outlives a robot restart, and nothing outlives
 * `retention_days`. An alert nobody acknowledged is kept in `alerts.json` next to the outbox; a
 * node created again on the same folder sends it again at once, re-sends it and escalates it on
 * time, and forgets it once a caregiver acknowledges. Queued messages older than
 * `retention_days` are purged at start and never sent; alerts never are: an unacknowledged alert
 * stays open and its queued messages leave, whatever their age. The open sessions' numbering
 * (`sessions.json`) is saved once per reservation of seq numbers, and a node that restarts from
 * it after a crash numbers above every event sent. An alert an older robot left retained on the
 * legacy single `alert` topic is cleared, once, after the open alerts are retained on theirs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DialogueStateType, SafetyAlertType, Topics, TurnRecordType } from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { startEmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { TelemetryNode } from '../src/TelemetryNode.js';
import {
  AlertPayloadSchema,
  SessionEventPayloadSchema,
  type AlertPayload,
  type SessionEventPayload,
} from '../src/schemas.js';
import { ALERTS_FILE } from '../src/alerts/FileAlertStore.js';
import { ALERT_TOPICS_MARKER } from '../src/alerts/LegacyAlertTopic.js';
import { SESSIONS_FILE } from '../src/sessions/FileSessionStore.js';
import { MqttProbe, type ProbeMessage } from './support/MqttProbe.js';
import { FakeTimers } from './support/FakeTimers.js';
import { cleanupAfterEach } from './support/cleanups.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-restart-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { defer } = cleanupAfterEach();

const status = (m: ProbeMessage) => (m.json as { status?: string } | undefined)?.status;
const DAY = 86_400_000;

function life(dir: string, url: string, robot: string, timers: FakeTimers) {
  const transport: GraphTransport = createInProcessTransport({
    logger: { capture: new LogCapture() },
  });
  defer(() => transport.shutdown());
  const telemetry = new TelemetryNode(
    transport.createNode('telemetry', {
      parameterOverrides: { alert_resend_ms: 1000, alert_escalate_after_ms: 60_000 },
    }),
    { mqttUrl: url, robotId: robot, outboxDir: dir, timers },
  );
  defer(() => telemetry.dispose());
  return { transport, telemetry, driver: transport.createNode('driver') };
}

describe('TelemetryNode across restarts', () => {
  it('restores an open alert: re-sent at once, escalated on time, forgotten once acknowledged', async () => {
    const broker = await startEmbeddedBroker({ port: 0 });
    defer(() => broker.close());
    const dir = join(root, 'alerts');
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/restart-alerts/#');
    defer(() => probe.close());

    const first = life(dir, broker.url, 'restart-alerts', new FakeTimers());
    await first.telemetry.ready();
    first.driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
      SafetyAlertType.create({
        alert_id: 'alert-r1',
        session_id: 's-1',
        level: 'imminent',
        category: 'suicidal_ideation',
        reasons: ['suicidal.kill_self'],
        message: 'I am here with you.',
      }),
    );
    await probe.next((m) => /\/alerts\//.test(m.topic) && status(m) === 'open');
    const stored = JSON.parse(readFileSync(join(dir, ALERTS_FILE), 'utf8')) as AlertPayload[];
    expect(stored.map((a) => a.alertId)).toEqual(['alert-r1']);
    // The robot goes away without anyone acknowledging.
    await first.telemetry.dispose();
    await first.transport.shutdown();
    const before = probe.messages.length;

    const timers = new FakeTimers();
    const second = life(dir, broker.url, 'restart-alerts', timers);
    expect(second.telemetry.openAlerts.map((a) => a.alertId)).toEqual(['alert-r1']);
    await second.telemetry.ready();
    const again = await probe.next(
      (m) => probe.messages.indexOf(m) >= before && /\/alerts\//.test(m.topic),
    );
    expect(AlertPayloadSchema.parse(again.json)).toMatchObject({
      alertId: 'alert-r1',
      status: 'open',
      raisedAt: stored[0]!.raisedAt,
    });
    // Retained again: a dashboard that connects now sees it.
    const late = await MqttProbe.connect(broker.url, 'hearth/v1/restart-alerts/alerts/+');
    defer(() => late.close());
    expect((await late.next(() => true)).retain).toBe(true);
    // Re-sent while unacknowledged, and escalated when its original time comes.
    timers.advance(1000);
    await probe.next(
      (m) =>
        probe.messages.indexOf(m) > probe.messages.indexOf(again) &&
        /\/alerts\//.test(m.topic) &&
        status(m) === 'open',
    );
    timers.advance(60_000);
    await probe.next((m) => /\/alerts\//.test(m.topic) && status(m) === 'escalated');
    expect(
      (JSON.parse(readFileSync(join(dir, ALERTS_FILE), 'utf8')) as AlertPayload[])[0]?.status,
    ).toBe('escalated');

    await probe.client.publishAsync(
      'hearth/v1/restart-alerts/cmd/ack-alert',
      JSON.stringify({
        schema: 1,
        robot: 'restart-alerts',
        ts: new Date().toISOString(),
        commandId: randomUUID(),
        issuedBy: 'carol',
        verb: 'ack-alert',
        alertId: 'alert-r1',
      }),
      { qos: 1 },
    );
    await probe.next((m) => /\/alerts\//.test(m.topic) && status(m) === 'acknowledged');
    expect(second.telemetry.openAlerts).toEqual([]);
    expect(existsSync(join(dir, ALERTS_FILE))).toBe(false);
  });

  it('purges queued messages older than retention_days, but never an alert, open or queued', async () => {
    const dir = join(root, 'retention');
    mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const queued = (id: string, ageDays: number) =>
      JSON.stringify({
        id,
        topic: 'hearth/v1/retention/state',
        payload: JSON.stringify({
          schema: 1,
          robot: 'retention',
          ts: new Date(now - ageDays * DAY).toISOString(),
          state: `state-${id}`,
          previousState: '',
          event: 'test',
          sessionId: '',
          turnIndex: 0,
        }),
        qos: 1,
        retain: false,
        priority: 'normal',
        person: '',
        queuedAt: now - ageDays * DAY,
      });
    const alert = (alertId: string, ageDays: number): AlertPayload => {
      const raised = new Date(now - ageDays * DAY).toISOString();
      return {
        schema: 1,
        robot: 'retention',
        ts: raised,
        alertId,
        sessionId: '',
        level: 'high',
        category: 'self_harm',
        reasons: [],
        message: 'I am here with you.',
        status: 'escalated',
        contact: 'secondary',
        raisedAt: raised,
        escalateAt: raised,
        resends: 3,
        acknowledgedBy: '',
      };
    };
    const queuedAlert = JSON.stringify({
      id: 'old-alert',
      topic: 'hearth/v1/retention/alert',
      payload: JSON.stringify({ ...alert('alert-queued', 45), status: 'open' }),
      qos: 1,
      retain: false,
      priority: 'alert',
      person: '',
      queuedAt: now - 45 * DAY,
    });
    writeFileSync(
      join(dir, 'journal.jsonl'),
      `${queued('old', 40)}\n${queuedAlert}\n${queued('recent', 2)}\n`,
    );
    writeFileSync(
      join(dir, ALERTS_FILE),
      JSON.stringify([alert('alert-old', 31), alert('alert-new', 1)]),
    );

    const broker = await startEmbeddedBroker({ port: 0 });
    defer(() => broker.close());
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/retention/#');
    defer(() => probe.close());
    const { telemetry } = life(dir, broker.url, 'retention', new FakeTimers());
    // Unacknowledged: kept and sent again, however old.
    expect(telemetry.openAlerts.map((a) => a.alertId)).toEqual(['alert-old', 'alert-new']);
    await probe.next((m) => (m.json as { state?: string } | undefined)?.state === 'state-recent');
    const alertIds = new Set<string>();
    await probe.next((m) => {
      const id = (m.json as { alertId?: string } | undefined)?.alertId;
      if (/\/alerts?(\/|$)/.test(m.topic) && id !== undefined) alertIds.add(id);
      return ['alert-old', 'alert-new', 'alert-queued'].every((a) => alertIds.has(a));
    });
    await new Promise((r) => setTimeout(r, 100));
    const texts = probe.messages.map((m) => m.text).join('\n');
    expect(texts).not.toContain('state-old');
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).not.toContain('state-old');
    expect(readFileSync(join(dir, ALERTS_FILE), 'utf8')).toContain('alert-old');
  });

  it('saves sessions.json once per seq reservation; a restart from it after a crash numbers above every event sent', async () => {
    const broker = await startEmbeddedBroker({ port: 0 });
    defer(() => broker.close());
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/restart-seq/session/+/event');
    defer(() => probe.close());
    const events = (): SessionEventPayload[] =>
      probe.messages.map((m) => SessionEventPayloadSchema.parse(m.json));
    const dir = join(root, 'seq');
    const drive = (graph: ReturnType<typeof life>) => ({
      state: graph.driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state),
      turns: graph.driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events),
    });
    const turn = (index: number) =>
      TurnRecordType.create({ session_id: 's-seq', turn_index: index, kind: 'reply' });

    const first = life(dir, broker.url, 'restart-seq', new FakeTimers());
    await first.telemetry.ready();
    const one = drive(first);
    one.state.publish(DialogueStateType.create({ session_id: 's-seq', event: 'wake.detected' }));
    for (let i = 1; i <= 70; i += 1) one.turns.publish(turn(i));
    await probe.next(() => events().length === 71);
    // 71 events, two writes: at the start (seq 1..65 reserved) and at seq 66 (up to 130), each
    // before the events it covers left. The turn count is the one of that last write.
    const onDiskAtCrash = readFileSync(join(dir, SESSIONS_FILE), 'utf8');
    expect(JSON.parse(onDiskAtCrash)).toEqual({
      current: 's-seq',
      sessions: [{ sessionId: 's-seq', seq: 130, turnCount: 65, startedAt: expect.any(Number) }],
    });
    await first.telemetry.dispose();
    await first.transport.shutdown();
    // A crash instead of that clean stop: the disk as it was before it.
    writeFileSync(join(dir, SESSIONS_FILE), onDiskAtCrash);

    const second = life(dir, broker.url, 'restart-seq', new FakeTimers());
    await second.telemetry.ready();
    const two = drive(second);
    two.state.publish(DialogueStateType.create({ session_id: 's-seq', event: 'speech.final' }));
    two.turns.publish(turn(71));
    await probe.next(() => events().length === 72);
    two.state.publish(DialogueStateType.create({ session_id: '', event: 'goodbye' }));
    await probe.next(() => events().length === 73);

    const seqs = events().map((e) => e.seq);
    for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    expect(seqs.slice(-2)).toEqual([131, 132]);
    expect(events().filter((e) => e.type === 'session.start')).toHaveLength(1);
    // turn_index lifted the saved count (65) back to every turn of the person.
    expect(events().at(-1)).toMatchObject({ type: 'session.end', turnCount: 71 });
    expect(existsSync(join(dir, SESSIONS_FILE))).toBe(false);
  });

  it("clears an older robot's retained alert on the legacy alert topic, after the open alerts, once", async () => {
    const robot = 'restart-legacy';
    const legacy = `hearth/v1/${robot}/alert`;
    const dir = join(root, 'legacy');
    mkdirSync(dir, { recursive: true });
    // What an older robot left: its outbox journal, its open alert, and that alert retained on
    // the single alert topic.
    const raised = new Date().toISOString();
    const open: AlertPayload = {
      schema: 1,
      robot,
      ts: raised,
      alertId: 'alert-legacy',
      sessionId: 's-1',
      level: 'high',
      category: 'self_harm',
      reasons: [],
      message: 'I am here with you.',
      status: 'open',
      contact: 'primary',
      raisedAt: raised,
      escalateAt: new Date(Date.now() + DAY).toISOString(),
      resends: 0,
      acknowledgedBy: '',
    };
    writeFileSync(join(dir, 'journal.jsonl'), '');
    writeFileSync(join(dir, ALERTS_FILE), JSON.stringify([open]));
    const broker = await startEmbeddedBroker({ port: 0 });
    defer(() => broker.close());
    const old = await MqttProbe.connect(broker.url, 'hearth/v1/none/#');
    await old.client.publishAsync(legacy, JSON.stringify(open), { qos: 1, retain: true });
    await old.close();

    const probe = await MqttProbe.connect(broker.url, `hearth/v1/${robot}/#`);
    defer(() => probe.close());
    await probe.next((m) => m.topic === legacy && m.retain);
    const first = life(dir, broker.url, robot, new FakeTimers());
    const cleared = await probe.next((m) => m.topic === legacy && m.text === '');
    const republished = probe.messages.findIndex(
      (m) => m.topic === `hearth/v1/${robot}/alerts/alert-legacy` && status(m) === 'open',
    );
    expect(republished).toBeGreaterThanOrEqual(0);
    expect(republished).toBeLessThan(probe.messages.indexOf(cleared));
    // A dashboard that connects now gets the open alert on its own topic, nothing on the old one.
    const late = await MqttProbe.connect(broker.url, [legacy, `hearth/v1/${robot}/alerts/+`]);
    defer(() => late.close());
    await late.next((m) => m.topic.endsWith('/alerts/alert-legacy'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late.messages.filter((m) => m.topic === legacy)).toEqual([]);
    await first.telemetry.dispose();
    await first.transport.shutdown();
    expect(existsSync(join(dir, ALERT_TOPICS_MARKER))).toBe(true);

    // The next start on the folder sends no second clear: a state queued after the connect
    // arrives with nothing on the legacy topic before it.
    const before = probe.messages.length;
    const second = life(dir, broker.url, robot, new FakeTimers());
    await second.telemetry.ready();
    second.driver
      .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
      .publish(DialogueStateType.create({ state: 'listening', session_id: '', event: 'test' }));
    await probe.next((m) => m.topic === `hearth/v1/${robot}/state`);
    expect(probe.messages.slice(before).filter((m) => m.topic === legacy)).toEqual([]);
  });
});
