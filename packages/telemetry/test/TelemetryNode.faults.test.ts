/**
 * Faults. A real mosquitto (the test's own) stopped in the middle of a session and started again
 * 2 s later (issue 8 names 10 s; 2 s keeps CI fast and exercises the same path: the outbox holds
 * what happens meanwhile and the node reconnects with backoff): every event reaches a subscriber
 * exactly once after de-duplication by eventId, in sequence order. And the robot's telemetry
 * node disposed with events queued in its on-disk outbox (the process-kill analogue: nothing
 * but the folder survives) and created again: the events are sent after the restart.
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
import { MosquittoProcess, freePort } from './support/MosquittoProcess.js';

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

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('TelemetryNode faults', () => {
  it('loses nothing and keeps order when mosquitto stops for 2 s in a session', async () => {
    const broker = await MosquittoProcess.start(join(root, 'mosquitto'));
    const { transport, driver } = graph();
    // The dashboard's side: a persistent session, so the broker keeps its subscription.
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/fault-robot/#', {
      clientId: 'fault-dashboard',
      clean: false,
      reconnectPeriod: 100,
    });
    const telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: broker.url,
      robotId: 'fault-robot',
      outboxDir: join(root, 'outbox-1'),
      backoff: { initialMs: 100, maxMs: 400 },
    });
    await telemetry.ready();

    setState(driver, 'listening', 's-1');
    for (let i = 0; i < 5; i += 1) sayTurn(driver, 's-1', i);
    await until(() => received(probe, 's-1').length === 6, 'the turns before the outage');

    await broker.stop();
    await until(() => !telemetry.connected, 'the node to notice the outage');
    for (let i = 5; i < 15; i += 1) sayTurn(driver, 's-1', i);
    await new Promise((r) => setTimeout(r, 2000));
    await broker.restart();
    for (let i = 15; i < 20; i += 1) sayTurn(driver, 's-1', i);
    setState(driver, 'asleep', '');

    await until(() => received(probe, 's-1').length === 22, 'every event after the outage');
    const events = received(probe, 's-1');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(events[0]?.type).toBe('session.start');
    expect(events.at(-1)).toMatchObject({ type: 'session.end', turnCount: 20 });
    // Sent in order, too: the first arrival of each event is already in sequence.
    const arrival: number[] = [];
    for (const m of probe.messages) {
      const seq = (m.json as { seq?: number } | undefined)?.seq;
      if (m.topic.includes('/session/') && seq !== undefined && !arrival.includes(seq))
        arrival.push(seq);
    }
    expect(arrival).toEqual([...arrival].sort((a, b) => a - b));

    await telemetry.dispose();
    await probe.close();
    await transport.shutdown();
    await broker.stop();
  }, 30_000);

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
      () => existsSync(journal) && readFileSync(journal, 'utf8').includes('"seq\\":3'),
      'the events in the journal',
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
    await until(() => received(probe, 's-2').length === 3, 'the events from before the restart');
    expect(received(probe, 's-2').map((e) => e.type)).toEqual(['session.start', 'turn', 'turn']);
    await after.dispose();
    await probe.close();
    await second.transport.shutdown();
    await broker.close();
  }, 30_000);
});
