/**
 * Issue 8's faults, for real.
 *
 * The broker killed for 10 s in a session: a mosquitto of the test's own (a free port, a temporary
 * config with persistence) gets SIGKILL while the robot's telemetry node publishes a turn every
 * 250 ms, stays down for 10 s, and is started again on the same port. The care dashboard (its
 * real server, TelemetryIngest and a memory store) must hold every session event exactly once,
 * applied in sequence order.
 *
 * The robot process killed with events queued: a robot process (fixtures/telemetryRobot.mjs: the
 * telemetry node on the in-process graph) talks in a session while the broker is down, is killed
 * with SIGKILL once the events are in its on-disk outbox, and is started again on the same folder
 * with the broker up, where the dialogue goes on in the same session and ends it: every queued
 * event arrives, once, in order, and the session's numbering continues from `sessions.json` (one
 * session, seq strictly increasing across the kill, the turn count of both lives).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { DialogueStateType, Topics, TurnRecordType } from '../../packages/interfaces/src/index.js';
import { LogCapture, Qos, createInProcessTransport } from '../../packages/graph/src/index.js';
import { startDashboard } from '../../packages/dashboard/src/startDashboard.js';
import { MemoryDashboardStore } from '../../packages/dashboard/src/store/MemoryDashboardStore.js';
import type { DashboardLogger } from '../../packages/dashboard/src/DashboardLogger.js';
import type { StoreChange } from '../../packages/dashboard/src/store/DashboardStore.js';
import { TelemetryNode } from '../../packages/telemetry/src/TelemetryNode.js';
import {
  SessionEventPayloadSchema,
  type SessionEventPayload,
} from '../../packages/telemetry/src/schemas.js';
import { MqttProbe } from '../../packages/telemetry/test/support/MqttProbe.js';
import { MosquittoProcess } from '../../packages/telemetry/test/support/MosquittoProcess.js';

const ROBOT_SCRIPT = fileURLToPath(new URL('./fixtures/telemetryRobot.mjs', import.meta.url));
/** The example broker configuration Hearth ships: the kill test runs its save policy. */
const SHIPPED_MOSQUITTO_CONF = fileURLToPath(
  new URL('../../config/mosquitto/mosquitto.conf', import.meta.url),
);

/** The shipped configuration's `autosave_*` lines: what the broker saves, and when. */
function shippedSavePolicy(): string[] {
  const lines = readFileSync(SHIPPED_MOSQUITTO_CONF, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('autosave_'));
  if (lines.length === 0) throw new Error(`${SHIPPED_MOSQUITTO_CONF} sets no autosave_ option`);
  return lines;
}
const root = mkdtempSync(join(tmpdir(), 'hearth-e2e-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What each test started, released in reverse order even when the test fails. */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // Already released by the test, or never fully started.
    }
  }
});

const quiet: DashboardLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The dashboard's memory store, noting each session event in the order the ingest applies it. */
class RecordingStore extends MemoryDashboardStore {
  readonly applied: { seq: number; eventId: string; fresh: boolean }[] = [];

  override async applySessionEvent(payload: SessionEventPayload): Promise<StoreChange | undefined> {
    const change = await super.applySessionEvent(payload);
    this.applied.push({ seq: payload.seq, eventId: payload.eventId, fresh: change !== undefined });
    return change;
  }
}

/** Unlike tests/support/until.ts, awaits an async check (a broker or file probe). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether `file` was written at or after `since` (ms): the broker saved its state. */
function savedSince(file: string, since: number): boolean {
  try {
    return statSync(file).mtimeMs >= since - 5;
  } catch {
    return false;
  }
}

describe('telemetry faults with real processes', () => {
  it('the broker killed for 10 s in a session: every event reaches the dashboard once, in order', async () => {
    // SIGKILL loses whatever the broker holds in memory beyond its last save: the broker runs
    // the save policy of the configuration Hearth ships (config/mosquitto/mosquitto.conf:
    // autosave_on_changes, every queued message, subscription and retained message saved at once).
    const brokerDir = join(root, 'mosquitto-kill');
    const broker = await MosquittoProcess.start(
      brokerDir,
      [
        'allow_anonymous true',
        'persistence true',
        `persistence_location ${brokerDir}/`,
        ...shippedSavePolicy(),
      ].join('\n'),
    );
    cleanups.push(() => broker.stop());
    const store = new RecordingStore();
    cleanups.push(() => store.dispose());
    // A persistent session under a fixed client id: the broker keeps the dashboard's
    // subscription (saved within autosave_interval) and queues what arrives before it is back.
    const dashboardStartedAt = Date.now();
    const dashboard = await startDashboard({
      mqttUrl: broker.url,
      port: 0,
      store,
      logger: quiet,
      mqttClientId: 'fault-dashboard',
      reconnect: { initialMs: 250, maxMs: 1000 },
    });
    cleanups.push(() => dashboard.close());
    await dashboard.ready();
    await until(
      () => savedSince(join(brokerDir, 'mosquitto.db'), dashboardStartedAt),
      "mosquitto to save the dashboard's subscription",
      10_000,
    );

    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: broker.url,
      robotId: 'kill-robot',
      outboxDir: join(root, 'outbox-kill'),
      backoff: { initialMs: 200, maxMs: 1000 },
    });
    cleanups.push(
      () => transport.shutdown(),
      () => telemetry.dispose(),
    );
    await telemetry.ready();
    const driver = transport.createNode('driver');
    const states = driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    const turns = driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
    states.publish(
      DialogueStateType.create({ state: 'listening', session_id: 's-kill', event: 'x' }),
    );
    let turnCount = 0;
    const talk = setInterval(() => {
      turns.publish(
        TurnRecordType.create({ session_id: 's-kill', turn_index: turnCount, turn_total_ms: 10 }),
      );
      turnCount += 1;
    }, 250);
    cleanups.push(() => clearInterval(talk));

    await new Promise((r) => setTimeout(r, 1000));
    await broker.kill();
    const turnsBeforeKill = turnCount;
    await until(() => !telemetry.connected, 'the robot to notice the broker is gone');
    await new Promise((r) => setTimeout(r, 10_000));
    await broker.restart();
    const turnsDuringOutage = turnCount - turnsBeforeKill;
    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(talk);
    states.publish(DialogueStateType.create({ state: 'asleep', session_id: '', event: 'goodbye' }));

    const expected = turnCount + 2; // session.start, the turns, session.end
    const fresh = () => store.applied.filter((a) => a.fresh);
    await until(() => fresh().length === expected, `${expected} events at the dashboard`, 30_000);

    // Exactly once: each event applied once, whatever the broker redelivered.
    expect(new Set(fresh().map((a) => a.eventId)).size).toBe(expected);
    // In order: the ingest applied them in sequence, none missing.
    expect(fresh().map((a) => a.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    const session = (await store.snapshot()).sessions.find((s) => s.sessionId === 's-kill');
    expect(session?.turns.map((t) => t.turn.index)).toEqual(
      Array.from({ length: turnCount }, (_, i) => i),
    );
    expect(session?.endedAt).not.toBeNull();
    // The outage really held messages back: turns were published while the broker was dead.
    expect(turnsDuringOutage).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('the robot process killed mid-session with events queued: sent after it restarts, the session numbered on', async () => {
    assertBuilt();
    const broker = await MosquittoProcess.start(join(root, 'mosquitto-robot'));
    cleanups.push(() => broker.stop());
    await broker.stop(); // The port is known; the broker is away while the robot talks.
    const outboxDir = join(root, 'outbox-robot');
    const config = { url: broker.url, robot: 'crash-robot', outboxDir, session: 's-crash' };

    // Killed in the middle of the session: its start and 8 turns queued, no end.
    const first = spawnRobot({ ...config, turns: 8, end: false });
    cleanups.push(() => first.kill('SIGKILL'));
    await first.waitFor('published');
    await until(
      () => queuedSessionEvents(outboxDir, 's-crash').length === 9,
      'the events in the on-disk outbox',
    );
    await first.kill('SIGKILL');

    await broker.restart();
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/crash-robot/#');
    cleanups.push(() => probe.close());
    // The restarted robot: the dialogue goes on in the same session, 2 more turns, then ends it.
    const second = spawnRobot({ ...config, turns: 2, firstTurn: 9 });
    cleanups.push(() => second.kill('SIGTERM'));
    await second.waitFor('connected');
    const events = () =>
      probe.messages
        .filter((m) => m.topic === 'hearth/v1/crash-robot/session/s-crash/event')
        .map((m) => SessionEventPayloadSchema.parse(m.json));
    await until(() => events().length >= 12, 'the queued events after the restart');
    await until(() => queuedSessionEvents(outboxDir, 's-crash').length === 0, 'an empty outbox');

    // Once each (no duplicates: nothing had been sent before the kill), and in order: one
    // session, no second start. The first life numbered 1..9 within the reservation saved at the
    // session's start (sessions.json: up to 65); the second goes on above it.
    expect(events().map((e) => e.type)).toEqual([
      'session.start',
      ...Array<string>(10).fill('turn'),
      'session.end',
    ]);
    expect(new Set(events().map((e) => e.eventId)).size).toBe(12);
    expect(events().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 66, 67, 68]);
    expect(events().at(-1)).toMatchObject({ type: 'session.end', turnCount: 10 });
  }, 60_000);
});

function assertBuilt(): void {
  const dist = fileURLToPath(new URL('../../packages/telemetry/dist/index.js', import.meta.url));
  if (!existsSync(dist))
    throw new Error(`${dist} is missing: run \`pnpm exec tsc -b\` (npm test does) first.`);
}

/** The session's events still waiting in an on-disk outbox (journal minus removed ids). */
function queuedSessionEvents(dir: string, sessionId: string): SessionEventPayload[] {
  const read = (name: string): string[] =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8').split('\n') : [];
  // removed.log holds each id as a JSON string, one a line.
  const removed = new Set(read('removed.log').map((line) => line.replace(/^"|"$/g, '')));
  const waiting: SessionEventPayload[] = [];
  for (const line of read('journal.jsonl')) {
    if (line.trim() === '') continue;
    let entry: { id: string; topic: string; payload: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // a line torn by the kill
    }
    if (removed.has(entry.id) || !entry.topic.endsWith(`/session/${sessionId}/event`)) continue;
    waiting.push(SessionEventPayloadSchema.parse(JSON.parse(entry.payload)));
  }
  return waiting;
}

interface RobotProcess {
  waitFor(line: string): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

function spawnRobot(config: Record<string, unknown>): RobotProcess {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [ROBOT_SCRIPT, JSON.stringify(config)],
    { env: { ...process.env, HEARTH_LOG_LEVEL: 'error' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    async waitFor(line) {
      await until(() => {
        if (child.exitCode !== null)
          throw new Error(`the robot exited (${child.exitCode}) early:\n${stderr}`);
        return stdout.split('\n').includes(line);
      }, `"${line}" from the robot process`);
    },
    kill(signal) {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
