/**
 * The telemetry node on a real in-process graph, against real brokers: the embedded aedes one
 * and the mosquitto started by tests/support/global-setup.js.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import {
  CaregiverCommandType,
  DialogueStateType,
  Topics,
  SessionSummaryType,
  TurnRecordType,
  type CaregiverCommand,
} from '@hearth/interfaces';
import {
  LogCapture,
  Qos,
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import { startEmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { MEMORY_OUTBOX, TelemetryNode } from '../src/TelemetryNode.js';
import { InvalidMqttUrlError } from '../src/errors/InvalidMqttUrlError.js';
import {
  SessionEventPayloadSchema,
  StatePayloadSchema,
  StatusPayloadSchema,
} from '../src/schemas.js';
import { MqttProbe, mosquittoUrl } from './support/MqttProbe.js';
import { command } from './support/payloads.js';

const brokers: [string, () => Promise<{ url: string; close(): Promise<void> }>][] = [
  ['aedes', () => startEmbeddedBroker({ port: 0 })],
  ['mosquitto', async () => ({ url: mosquittoUrl(), close: async () => undefined })],
];

describe.each(brokers)('TelemetryNode over %s', (brokerName, openBroker) => {
  let broker: { url: string; close(): Promise<void> };
  let transport: GraphTransport;
  let capture: LogCapture;
  let driver: GraphNode;
  let telemetry: TelemetryNode;
  let client: MqttClient | undefined;
  let probe: MqttProbe;
  let counter = 0;
  let robot: string;
  let telemetryGraphNode: GraphNode;

  beforeAll(async () => {
    broker = await openBroker();
  });
  afterAll(async () => {
    await broker.close();
  });

  async function start(
    share: boolean | undefined = undefined,
    overrides: Record<string, boolean> = {},
  ): Promise<void> {
    robot = `test-${brokerName}-${process.pid}-${++counter}`;
    capture = new LogCapture();
    transport = createInProcessTransport({ logger: { capture } });
    driver = transport.createNode('driver');
    probe = await MqttProbe.connect(broker.url, `hearth/v1/${robot}/#`);
    const node = transport.createNode('telemetry', { parameterOverrides: overrides });
    telemetryGraphNode = node;
    telemetry = new TelemetryNode(node, {
      mqttUrl: broker.url,
      robotId: robot,
      outboxDir: MEMORY_OUTBOX,
      ...(share === undefined ? {} : { consent: share ? 'transcripts' : 'state_mood' }),
      connect: (url: string, options: IClientOptions) => (client = mqtt.connect(url, options)),
    });
    await telemetry.ready();
  }

  afterEach(async () => {
    await telemetry.dispose();
    // Retained messages would outlive the test on the shared mosquitto.
    await probe.client.publishAsync(`hearth/v1/${robot}/status`, '', { qos: 1, retain: true });
    await probe.client.publishAsync(`hearth/v1/${robot}/state`, '', { qos: 1, retain: true });
    await probe.close();
    await transport.shutdown();
  });

  function publishState(state: string, sessionId: string, event: string, turnIndex = 0): void {
    driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state).publish(
      DialogueStateType.create({
        stamp: driver.clock.now(),
        state,
        previous_state: 'asleep',
        event,
        session_id: sessionId,
        turn_index: turnIndex,
      }),
    );
  }

  function publishTurn(sessionId: string): void {
    driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events).publish(
      TurnRecordType.create({
        stamp: driver.clock.now(),
        session_id: sessionId,
        turn_index: 0,
        user_text: 'I could not sleep last night.',
        reply_text: 'That sounds exhausting. What kept you awake?',
        strategy: 'Question',
        states: ['listening', 'thinking', 'speaking'],
        gestures: ['nod'],
        llm_first_token_ms: 200,
        llm_total_ms: 900,
        tts_first_audio_ms: 350,
        turn_total_ms: 1500,
      }),
    );
  }

  describe('with consent to transcripts', () => {
    beforeEach(() => start(true));

    it('announces itself online, retained', async () => {
      const status = await probe.next((m) => m.topic.endsWith('/status'));
      expect(StatusPayloadSchema.parse(status.json)).toMatchObject({ robot, state: 'online' });
      const late = await MqttProbe.connect(broker.url, `hearth/v1/${robot}/status`);
      const retained = await late.next(() => true);
      expect(retained.retain).toBe(true);
      expect(StatusPayloadSchema.parse(retained.json).state).toBe('online');
      await late.close();
    });

    it('sends state changes and turns with valid schemas, in order', async () => {
      publishState('listening', 's-1', 'wake.detected');
      publishTurn('s-1');
      // The graph does not order messages across topics: wait for the turn before ending.
      await probe.next((m) => (m.json as { type?: string } | undefined)?.type === 'turn');
      publishState('asleep', '', 'session.timeout');

      const state = await probe.next((m) => m.topic.endsWith('/state'));
      expect(StatePayloadSchema.parse(state.json)).toMatchObject({
        robot,
        state: 'listening',
        sessionId: 's-1',
        event: 'wake.detected',
      });
      const end = await probe.next(
        (m) =>
          m.topic.endsWith('/session/s-1/event') &&
          (m.json as { type?: string }).type === 'session.end',
      );
      const events = probe.messages
        .filter((m) => m.topic === `hearth/v1/${robot}/session/s-1/event`)
        .map((m) => SessionEventPayloadSchema.parse(m.json));
      expect(events.map((e) => [e.type, e.seq])).toEqual([
        ['session.start', 1],
        ['turn', 2],
        ['session.end', 3],
      ]);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
      expect(end.qos).toBe(1);
      const turn = events[1];
      expect(turn?.type === 'turn' && turn.turn).toMatchObject({
        shared: true,
        userText: 'I could not sleep last night.',
        replyText: 'That sounds exhausting. What kept you awake?',
        timings: { llmFirstTokenMs: 200, llmTotalMs: 900, ttsFirstAudioMs: 350, turnTotalMs: 1500 },
      });
      const lastState = await probe.next(
        (m) => m.topic.endsWith('/state') && (m.json as { state?: string }).state === 'asleep',
      );
      expect(StatePayloadSchema.parse(lastState.json).sessionId).toBe('');
    });

    it('forwards the session summary after the session end, with counts and latencies only', async () => {
      publishState('listening', 's-9', 'wake.detected');
      await probe.next((m) => (m.json as { type?: string } | undefined)?.type === 'session.start');
      publishState('asleep', '', 'user.goodbye');
      await probe.next((m) => (m.json as { type?: string } | undefined)?.type === 'session.end');
      driver.createPublisher(SessionSummaryType, Topics.sessionSummary, Qos.events).publish(
        SessionSummaryType.create({
          stamp: driver.clock.now(),
          session_id: 's-9',
          reason: 'goodbye',
          duration_ms: 61000,
          turns: 4,
          interruptions: 1,
          alerts: 0,
          mood_start: 'sadness',
          mood_end: 'neutral',
          first_audio_mean_ms: 420,
          first_audio_p50_ms: 400,
          first_audio_p95_ms: 650,
        }),
      );
      const message = await probe.next(
        (m) => (m.json as { type?: string } | undefined)?.type === 'session.summary',
      );
      expect(message.topic).toBe(`hearth/v1/${robot}/session/s-9/event`);
      expect(message.qos).toBe(1);
      const summary = SessionEventPayloadSchema.parse(message.json);
      expect(summary).toMatchObject({
        type: 'session.summary',
        seq: 3,
        summary: {
          reason: 'goodbye',
          turns: 4,
          interruptions: 1,
          moodStart: 'sadness',
          firstAudioP95Ms: 650,
        },
      });
    });

    it('publishes a valid command on the graph and refuses an invalid one', async () => {
      const received: CaregiverCommand[] = [];
      const arrived = new Promise<void>((resolve) =>
        driver.createSubscription(CaregiverCommandType, Topics.caregiverCommand, (m) => {
          received.push(m);
          resolve();
        }),
      );
      const refused = new Promise<void>((resolve) =>
        telemetry.once('commandRefused', () => resolve()),
      );
      const sender = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
      await sender.publishAsync(
        `hearth/v1/${robot}/cmd/pause`,
        JSON.stringify({ ...command(robot, 'pause'), issuedBy: '' }),
        { qos: 1 },
      );
      await refused;
      await sender.publishAsync(
        `hearth/v1/${robot}/cmd/say`,
        JSON.stringify({ ...command(robot, 'pause'), verb: 'say', text: 'Lunch is at noon.' }),
        { qos: 1 },
      );
      await arrived;
      await sender.endAsync();
      expect(received).toEqual([
        expect.objectContaining({ verb: 'say', text: 'Lunch is at noon.', issued_by: 'caregiver' }),
      ]);
      const warning = capture
        .linesOf('telemetry', 'warn')
        .find((l) => l.msg === 'refused caregiver command');
      expect(String(warning?.['issues'])).toMatch(/issuedBy/);
    });

    it('publishes offline at clean shutdown', async () => {
      await telemetry.dispose();
      const offline = await probe.next(
        (m) => m.topic.endsWith('/status') && (m.json as { state?: string }).state === 'offline',
      );
      expect(offline.json).toMatchObject({ schema: 1, robot, state: 'offline' });
    });

    it('leaves offline as its last will when its connection dies, then comes back online', async () => {
      await probe.next((m) => m.topic.endsWith('/status'));
      const before = probe.messages.length;
      client?.stream.destroy();
      const offline = await probe.next(
        (m) =>
          probe.messages.indexOf(m) >= before &&
          m.topic.endsWith('/status') &&
          (m.json as { state?: string }).state === 'offline',
      );
      expect(offline.json).toMatchObject({ robot, state: 'offline' });
      // mqtt.js reconnects by itself and the node announces itself again.
      await probe.next(
        (m) =>
          probe.messages.indexOf(m) > probe.messages.indexOf(offline) &&
          m.topic.endsWith('/status') &&
          (m.json as { state?: string }).state === 'online',
      );
    });
  });

  describe('with the default consent (state and mood)', () => {
    beforeEach(() => start());

    it('strips what was said from turns', async () => {
      publishState('listening', 's-2', 'wake.detected');
      publishTurn('s-2');
      const message = await probe.next(
        (m) => (m.json as { type?: string } | undefined)?.type === 'turn',
      );
      expect(message.text).not.toContain('sleep');
      const event = SessionEventPayloadSchema.parse(message.json);
      expect(event.type === 'turn' && event.turn).toEqual(
        expect.objectContaining({
          shared: false,
          strategy: 'Question',
          timings: expect.objectContaining({ turnTotalMs: 1500 }),
        }),
      );
      expect(event.type === 'turn' && 'userText' in event.turn).toBe(false);
    });

    it('starts sharing at once when consent is given, and refuses a new robot id while running', async () => {
      publishState('listening', 's-3', 'wake.detected');
      const [result] = telemetryGraphNode.setParameters({ 'consent.default': 'transcripts' });
      expect(result?.successful).toBe(true);
      publishTurn('s-3');
      const message = await probe.next(
        (m) => (m.json as { type?: string } | undefined)?.type === 'turn',
      );
      expect(message.json).toMatchObject({
        turn: { shared: true, userText: 'I could not sleep last night.' },
      });
      const [refused] = telemetryGraphNode.setParameters({ robot_id: 'another' });
      expect(refused).toMatchObject({
        successful: false,
        reason: expect.stringMatching(/restart/),
      });
    });
  });
});

describe('TelemetryNode', () => {
  it('refuses a bad broker URL or robot id with the parameter to fix', async () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    expect(
      () => new TelemetryNode(transport.createNode('telemetry'), { mqttUrl: 'http://x' }),
    ).toThrow(InvalidMqttUrlError);
    expect(() => new TelemetryNode(transport.createNode('telemetry2'), { robotId: 'a/b' })).toThrow(
      /robot_id/,
    );
    await transport.shutdown();
  });

  it('keeps what happens while the broker is away and sends it, in order, when it returns', async () => {
    let broker = await startEmbeddedBroker({ port: 0 });
    const port = broker.port;
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const driver = transport.createNode('driver');
    const telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: broker.url,
      robotId: 'outage',
      outboxDir: MEMORY_OUTBOX,
      backoff: { initialMs: 100, maxMs: 200 },
    });
    await telemetry.ready();
    await broker.close();
    const states = driver.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    for (const state of ['listening', 'thinking', 'speaking']) {
      states.publish(DialogueStateType.create({ state, session_id: 's-9' }));
    }
    broker = await startEmbeddedBroker({ port });
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/outage/#');
    await probe.next((m) => (m.json as { type?: string } | undefined)?.type === 'session.start');
    await probe.next((m) => (m.json as { state?: string } | undefined)?.state === 'speaking');
    const sent = probe.messages
      .filter((m) => m.topic.endsWith('/state') && !m.retain)
      .map((m) => (m.json as { state: string }).state);
    expect(sent).toEqual(['listening', 'thinking', 'speaking']);
    await telemetry.dispose();
    await probe.close();
    await transport.shutdown();
    await broker.close();
  });
});
