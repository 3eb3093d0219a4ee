/**
 * Fleet scale: 25 robots, each its own telemetry node on its own in-process graph, on one aedes
 * broker, and one dashboard. Every robot's status and session reach the dashboard's snapshot (as
 * the page reads it, over HTTP), and every alert is attributed to the robot that raised it, so
 * nothing of one robot is shown as another's. In-memory outboxes keep it to seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DialogueStateType, SafetyAlertType, Topics, TurnRecordType } from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { MEMORY_OUTBOX, TelemetryNode } from '@hearth/telemetry';
import type { DashboardSnapshot } from '../src/store/DashboardStore.js';
import { eventually } from './support/FakeRobotPublisher.js';
import { http } from './support/http.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';

const FLEET = 25;
const robotIds = Array.from({ length: FLEET }, (_, i) => `fleet-${String(i + 1).padStart(2, '0')}`);

interface Robot {
  readonly id: string;
  readonly transport: GraphTransport;
  readonly telemetry: TelemetryNode;
}

describe('a fleet of 25 robots on one broker and one dashboard', () => {
  let env: TestDashboard;
  const robots: Robot[] = [];

  beforeAll(async () => {
    // No users: development mode, the snapshot is open on loopback.
    env = await startTestDashboard([]);
    for (const id of robotIds) {
      const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
      const telemetry = new TelemetryNode(
        transport.createNode('telemetry', { parameterOverrides: { metrics_period_ms: 0 } }),
        { mqttUrl: env.broker.url, robotId: id, outboxDir: MEMORY_OUTBOX },
      );
      robots.push({ id, transport, telemetry });
    }
    await Promise.all(robots.map((r) => r.telemetry.ready()));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(robots.map((r) => r.telemetry.dispose()));
    await Promise.all(robots.map((r) => r.transport.shutdown()));
    await env.close();
  });

  const snapshot = async (): Promise<DashboardSnapshot> =>
    (await http('GET', new URL('/api/snapshot', env.dashboard.url))).json<{
      snapshot: DashboardSnapshot;
    }>().snapshot;

  it('shows every robot, its session and its own alerts', async () => {
    for (const { id, transport } of robots) {
      const dialogue = transport.createNode('dialogue');
      const sessionId = `${id}-session`;
      dialogue
        .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
        .publish(
          DialogueStateType.create({ session_id: sessionId, state: 'listening', event: 'wake' }),
        );
      dialogue
        .createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events)
        .publish(TurnRecordType.create({ session_id: sessionId, turn_index: 1, kind: 'reply' }));
      dialogue.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
        SafetyAlertType.create({
          alert_id: `${id}-alert`,
          session_id: sessionId,
          level: 'high',
          category: 'self_harm',
        }),
      );
    }

    const seen = await eventually(async () => {
      const s = await snapshot();
      const complete =
        s.robots.filter((r) => r.status === 'online').length === FLEET &&
        s.sessions.filter((x) => x.turns.length === 1).length === FLEET &&
        (s.alerts ?? []).length === FLEET;
      return complete ? s : undefined;
    });

    expect(seen.robots.map((r) => r.robot)).toEqual(robotIds);
    for (const id of robotIds) {
      const sessions = seen.sessions.filter((s) => s.robot === id);
      expect(sessions.map((s) => s.sessionId)).toEqual([`${id}-session`]);
      expect(sessions[0]?.turns.map((t) => t.seq)).toEqual([2]);
      const alerts = (seen.alerts ?? []).filter((a) => a.robot === id);
      expect(alerts.map((a) => [a.alertId, a.sessionId, a.status])).toEqual([
        [`${id}-alert`, `${id}-session`, 'open'],
      ]);
    }
  }, 30_000);
});
