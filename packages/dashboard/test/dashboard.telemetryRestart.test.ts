/**
 * A telemetry node restarted in the middle of a session goes on numbering it: the open sessions'
 * numbering is kept beside the on-disk outbox (`sessions.json`), so the new node sends no second
 * session.start, its turns follow the earlier ones, and session.end counts every turn. The
 * dashboard store then shows the session's turns in order, once each. Real parts: an in-process
 * graph, the embedded aedes broker, the dashboard server with its memory store.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mqtt from 'mqtt';
import { DialogueStateType, Topics, TurnRecordType } from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport } from '@hearth/graph';
import { TelemetryNode } from '@hearth/telemetry';
import { SessionEventPayloadSchema, type SessionEventPayload } from '@hearth/telemetry/mqtt';
import { eventually } from './support/FakeRobotPublisher.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';

const robot = 'restart-robot';
const sessionId = 'sess-restart';
const root = mkdtempSync(join(tmpdir(), 'hearth-telemetry-restart-'));

describe('a telemetry node restarted mid-session', () => {
  let env: TestDashboard;
  let watcher: mqtt.MqttClient;
  const events: SessionEventPayload[] = [];

  beforeAll(async () => {
    env = await startTestDashboard([]);
    watcher = await mqtt.connectAsync(env.broker.url, { reconnectPeriod: 0 });
    watcher.on('message', (_topic, payload) =>
      events.push(SessionEventPayloadSchema.parse(JSON.parse(payload.toString()))),
    );
    await watcher.subscribeAsync(`hearth/v1/${robot}/session/+/event`, { qos: 1 });
  });

  afterAll(async () => {
    await watcher.endAsync();
    await env.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** One run of the robot's telemetry on the outbox folder `dir`; the dialogue drives it. */
  function life(dir: string) {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: env.broker.url,
      robotId: robot,
      outboxDir: dir,
    });
    const driver = transport.createNode('dialogue');
    const state = driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    const turns = driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
    return {
      telemetry,
      state: (id: string, name: string, event: string) =>
        state.publish(DialogueStateType.create({ session_id: id, state: name, event })),
      turn: (index: number) =>
        turns.publish(
          TurnRecordType.create({ session_id: sessionId, turn_index: index, kind: 'reply' }),
        ),
      stop: async () => {
        await telemetry.dispose();
        await transport.shutdown();
      },
    };
  }

  const turnsInStore = async (): Promise<number[]> => {
    const session = (await env.store.snapshot()).sessions.find((s) => s.sessionId === sessionId);
    return session?.turns.map((t) => t.turn.index) ?? [];
  };

  it('continues the sequence and the turn count; the dashboard shows each turn once, in order', async () => {
    const dir = join(root, 'outbox');
    const first = life(dir);
    await first.telemetry.ready();
    first.state(sessionId, 'listening', 'wake.detected');
    first.turn(1);
    first.turn(2);
    await eventually(async () => ((await turnsInStore()).length === 2 ? true : undefined));
    // The robot's telemetry stops in the middle of the session (a crash, a respawn).
    await first.stop();
    expect(existsSync(join(dir, 'sessions.json'))).toBe(true);

    const second = life(dir);
    await second.telemetry.ready();
    // The dialogue is still in the same session: it is continued, not started again.
    second.state(sessionId, 'listening', 'speech.final');
    second.turn(3);
    second.turn(4);
    // State and turns are separate topics, unordered against each other: end after the turns.
    await eventually(async () => ((await turnsInStore()).length === 4 ? true : undefined));
    second.state('', 'asleep', 'goodbye');
    await eventually(() => (events.some((e) => e.type === 'session.end') ? true : undefined));

    const ofSession = events.filter((e) => e.sessionId === sessionId);
    expect(ofSession.map((e) => [e.type, e.seq])).toEqual([
      ['session.start', 1],
      ['turn', 2],
      ['turn', 3],
      ['turn', 4],
      ['turn', 5],
      ['session.end', 6],
    ]);
    expect(ofSession.at(-1)).toMatchObject({ type: 'session.end', turnCount: 4 });
    expect(await turnsInStore()).toEqual([1, 2, 3, 4]);
    // The session ended: nothing is left to continue after another restart.
    await second.stop();
    expect(existsSync(join(dir, 'sessions.json'))).toBe(false);
  }, 20_000);
});
