/**
 * What the telemetry node keeps on disk outlives a robot restart, and nothing outlives
 * `retention_days`. An alert nobody acknowledged is kept in `alerts.json` next to the outbox; a
 * node created again on the same folder sends it again at once, re-sends it and escalates it on
 * time, and forgets it once a caregiver acknowledges. Queued messages older than
 * `retention_days` are purged at start and never sent; alerts never are: an unacknowledged alert
 * stays open and its queued messages leave, whatever their age.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SafetyAlertType, Topics } from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { startEmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { TelemetryNode } from '../src/TelemetryNode.js';
import { AlertPayloadSchema, type AlertPayload } from '../src/schemas.js';
import { ALERTS_FILE } from '../src/alerts/FileAlertStore.js';
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
    await probe.next((m) => m.topic.endsWith('/alert') && status(m) === 'open');
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
      (m) => probe.messages.indexOf(m) >= before && m.topic.endsWith('/alert'),
    );
    expect(AlertPayloadSchema.parse(again.json)).toMatchObject({
      alertId: 'alert-r1',
      status: 'open',
      raisedAt: stored[0]!.raisedAt,
    });
    // Retained again: a dashboard that connects now sees it.
    const late = await MqttProbe.connect(broker.url, 'hearth/v1/restart-alerts/alert');
    defer(() => late.close());
    expect((await late.next(() => true)).retain).toBe(true);
    // Re-sent while unacknowledged, and escalated when its original time comes.
    timers.advance(1000);
    await probe.next(
      (m) =>
        probe.messages.indexOf(m) > probe.messages.indexOf(again) &&
        m.topic.endsWith('/alert') &&
        status(m) === 'open',
    );
    timers.advance(60_000);
    await probe.next((m) => m.topic.endsWith('/alert') && status(m) === 'escalated');
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
    await probe.next((m) => m.topic.endsWith('/alert') && status(m) === 'acknowledged');
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
      if (m.topic.endsWith('/alert') && id !== undefined) alertIds.add(id);
      return ['alert-old', 'alert-new', 'alert-queued'].every((a) => alertIds.has(a));
    });
    await new Promise((r) => setTimeout(r, 100));
    const texts = probe.messages.map((m) => m.text).join('\n');
    expect(texts).not.toContain('state-old');
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).not.toContain('state-old');
    expect(readFileSync(join(dir, ALERTS_FILE), 'utf8')).toContain('alert-old');
  });
});
