/**
 * Faults, in process: the robot's telemetry node disposed with events queued in its on-disk
 * outbox (nothing but the folder survives) and created again on the same folder: the events are
 * sent after the restart. The same faults with real processes (mosquitto killed with SIGKILL for
 * 10 s in a session, the robot process killed with events queued) are in
 * tests/e2e/telemetry.faults.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DialogueStateType, Topics, TurnRecordType } from '@hearth/interfaces';
import {
  LogCapture,
  Qos,
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import { startEmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { TelemetryNode } from '../src/TelemetryNode.js';
import { SessionEventPayloadSchema, type SessionEventPayload } from '../src/schemas.js';
import { MqttProbe } from './support/MqttProbe.js';
import { freePort } from './support/MosquittoProcess.js';
import { until } from '../../../tests/support/until.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function graph(): { transport: GraphTransport; driver: GraphNode } {
  const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
  return { transport, driver: transport.createNode('driver') };
}

function sayTurn(driver: GraphNode, sessionId: string, index: number): void {
  driver
    .createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events)
    .publish(
      TurnRecordType.create({ session_id: sessionId, turn_index: index, turn_total_ms: 10 }),
    );
}

function setState(driver: GraphNode, state: string, sessionId: string): void {
  driver
    .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
    .publish(DialogueStateType.create({ state, session_id: sessionId, event: 'test' }));
}

/** The session's events as a consumer keeps them: de-duplicated by eventId, sorted by seq. */
function received(probe: MqttProbe, sessionId: string): SessionEventPayload[] {
  const byId = new Map<string, SessionEventPayload>();
  for (const m of probe.messages) {
    if (!m.topic.endsWith(`/session/${sessionId}/event`)) continue;
    const parsed = SessionEventPayloadSchema.safeParse(m.json);
    if (parsed.success) byId.set(parsed.data.eventId, parsed.data);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

describe('TelemetryNode faults', () => {
  it('sends what waited in the on-disk outbox after the robot restarts', async () => {
    const outboxDir = join(root, 'outbox-2');
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;

    // First life: no broker; the events wait on disk, then the node goes away.
    const first = graph();
    const before = new TelemetryNode(first.transport.createNode('telemetry'), {
      mqttUrl: url,
      robotId: 'restart-robot',
      outboxDir,
      backoff: { initialMs: 50, maxMs: 100 },
    });
    setState(first.driver, 'listening', 's-2');
    sayTurn(first.driver, 's-2', 0);
    sayTurn(first.driver, 's-2', 1);
    // The graph delivers asynchronously: wait until the events are on disk, then "kill" the node.
    const journal = join(outboxDir, 'journal.jsonl');
    await until(
      'the events in the journal',
      () => existsSync(journal) && readFileSync(journal, 'utf8').includes('"seq\\":3'),
      15_000,
    );
    await before.dispose();
    await first.transport.shutdown();

    // Second life: the broker is back, and a new node on the same folder sends them first.
    const broker = await startEmbeddedBroker({ port });
    const probe = await MqttProbe.connect(url, 'hearth/v1/restart-robot/#');
    const second = graph();
    const after = new TelemetryNode(second.transport.createNode('telemetry'), {
      mqttUrl: url,
      robotId: 'restart-robot',
      outboxDir,
    });
    await until(
      'the events from before the restart',
      () => received(probe, 's-2').length === 3,
      15_000,
    );
    expect(received(probe, 's-2').map((e) => e.type)).toEqual(['session.start', 'turn', 'turn']);
    await after.dispose();
    await probe.close();
    await second.transport.shutdown();
    await broker.close();
  }, 30_000);
});
