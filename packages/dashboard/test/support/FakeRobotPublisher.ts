/**
 * Publishes telemetry the way a robot's telemetry node does (same topics, same schemas, same QoS
 * and retain flags), for dashboard tests that do not run a whole graph.
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import {
  AlertPayloadSchema,
  NoticePayloadSchema,
  SessionEventPayloadSchema,
  StatePayloadSchema,
  StatusPayloadSchema,
  robotTopics,
  type AlertPayload,
  type NoticePayload,
  type RobotTopics,
  type SessionEventPayload,
  type Turn,
} from '@hearth/telemetry/mqtt';

export class FakeRobotPublisher {
  private seq = 0;
  /** Alerts sent, so clear() can empty each one's retained topic. */
  private readonly alertIds = new Set<string>();
  readonly topics: RobotTopics;

  private constructor(
    readonly robot: string,
    readonly client: MqttClient,
  ) {
    this.topics = robotTopics(robot);
  }

  static async connect(url: string, robot: string): Promise<FakeRobotPublisher> {
    return new FakeRobotPublisher(robot, await mqtt.connectAsync(url, { reconnectPeriod: 0 }));
  }

  private envelope(): { schema: 1; robot: string; ts: string } {
    return { schema: 1, robot: this.robot, ts: new Date().toISOString() };
  }

  async status(state: 'online' | 'offline'): Promise<void> {
    const payload = StatusPayloadSchema.parse({ ...this.envelope(), state });
    await this.client.publishAsync(this.topics.status, JSON.stringify(payload), {
      qos: 1,
      retain: true,
    });
  }

  async state(state: string, sessionId: string, turnIndex = 0): Promise<void> {
    const payload = StatePayloadSchema.parse({
      ...this.envelope(),
      state,
      previousState: '',
      event: 'test',
      sessionId,
      turnIndex,
    });
    await this.client.publishAsync(this.topics.state, JSON.stringify(payload), {
      qos: 1,
      retain: true,
    });
  }

  async sessionStart(sessionId: string): Promise<void> {
    this.seq = 0;
    await this.event(sessionId, { type: 'session.start' });
  }

  async turn(sessionId: string, turn: Turn): Promise<void> {
    await this.event(sessionId, { type: 'turn', turn });
  }

  async summary(
    sessionId: string,
    summary: Extract<SessionEventPayload, { type: 'session.summary' }>['summary'],
  ): Promise<void> {
    await this.event(sessionId, { type: 'session.summary', summary });
  }

  async sessionEnd(sessionId: string, turnCount: number, reason = 'goodbye'): Promise<void> {
    await this.event(sessionId, { type: 'session.end', turnCount, reason });
  }

  /** An alert as the robot's AlertDesk sends it (QoS 1, retained while open). */
  async alert(payload: Omit<AlertPayload, 'schema' | 'robot' | 'ts'>): Promise<void> {
    const full = AlertPayloadSchema.parse({ ...this.envelope(), ...payload });
    const topic = this.topics.alert(payload.alertId);
    this.alertIds.add(payload.alertId);
    await this.client.publishAsync(topic, JSON.stringify(full), {
      qos: 1,
      retain: payload.status !== 'acknowledged',
    });
    // Like the robot's AlertDesk: an acknowledged alert's retained message is cleared.
    if (payload.status === 'acknowledged')
      await this.client.publishAsync(topic, '', { qos: 1, retain: true });
  }

  /** A moderate-risk notice as the telemetry node sends it: QoS 1, never retained, once. */
  async notice(payload: Omit<NoticePayload, 'schema' | 'robot' | 'ts'>): Promise<void> {
    const full = NoticePayloadSchema.parse({ ...this.envelope(), ...payload });
    await this.client.publishAsync(this.topics.notice, JSON.stringify(full), {
      qos: 1,
      retain: false,
    });
  }

  async raw(topic: string, payload: string): Promise<void> {
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  private async event(sessionId: string, body: Record<string, unknown>): Promise<void> {
    const payload = SessionEventPayloadSchema.parse({
      ...this.envelope(),
      sessionId,
      eventId: randomUUID(),
      seq: ++this.seq,
      ...body,
    });
    await this.client.publishAsync(this.topics.sessionEvent(sessionId), JSON.stringify(payload), {
      qos: 1,
    });
  }

  /** Clears this robot's retained topics so the broker is clean for the next test. */
  async clear(): Promise<void> {
    await this.client.publishAsync(this.topics.status, '', { qos: 1, retain: true });
    await this.client.publishAsync(this.topics.state, '', { qos: 1, retain: true });
    for (const alertId of this.alertIds)
      await this.client.publishAsync(this.topics.alert(alertId), '', { qos: 1, retain: true });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}

export function sharedTurn(index: number, userText: string, replyText: string): Turn {
  return {
    index,
    shared: true,
    userText,
    replyText,
    strategy: 'Reflection of feelings',
    states: ['listening', 'thinking', 'speaking'],
    gestures: ['nod'],
    interrupted: false,
    fallback: false,
    timings: { llmFirstTokenMs: 210, llmTotalMs: 980, ttsFirstAudioMs: 420, turnTotalMs: 1640 },
  };
}

export function unsharedTurn(index: number): Turn {
  return {
    index,
    shared: false,
    strategy: '',
    states: ['listening', 'thinking', 'speaking'],
    gestures: [],
    interrupted: false,
    fallback: false,
    timings: { llmFirstTokenMs: 150, llmTotalMs: 700, ttsFirstAudioMs: 300, turnTotalMs: 1200 },
  };
}

export class CapturingLogger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info = (message: string, fields?: Record<string, unknown>): void =>
    void this.lines.push({ level: 'info', message, fields });
  warn = (message: string, fields?: Record<string, unknown>): void =>
    void this.lines.push({ level: 'warn', message, fields });
  error = (message: string, fields?: Record<string, unknown>): void =>
    void this.lines.push({ level: 'error', message, fields });
}

/** The real mosquitto started by tests/support/global-setup.js. */
export function mosquittoUrl(): string {
  const url = process.env.HEARTH_TEST_MOSQUITTO_URL;
  if (!url) {
    throw new Error(
      'HEARTH_TEST_MOSQUITTO_URL is not set: tests/support/global-setup.js starts mosquitto and sets it. ' +
        'Install mosquitto (npm run setup) and run the tests through jest with the root config.',
    );
  }
  return url;
}

/** Polls `read` until it returns a value; for server-side state with no event to wait on. */
export async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
