/**
 * Consent gates every payload the telemetry node sends, on a real in-process graph and the
 * embedded aedes broker: what leaves at each level, redaction of what leaves with consent to
 * transcripts, and revocation reaching messages already queued on disk during a broker outage
 * (they are narrowed or withheld before the broker returns, and their old text is gone from the
 * outbox's files).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  AffectType,
  DialogueStateType,
  SafetyAlertType,
  SessionSummaryType,
  Topics,
  TurnRecordType,
} from '@hearth/interfaces';
import {
  LogCapture,
  Qos,
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
  type ParameterValue,
} from '@hearth/graph';
import { startEmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { MEMORY_OUTBOX, TelemetryNode } from '../src/TelemetryNode.js';
import { CONSENT_LEVELS, type ConsentLevel } from '../src/consent/ConsentLevel.js';
import { SessionEventPayloadSchema } from '../src/schemas.js';
import { MqttProbe, type ProbeMessage } from './support/MqttProbe.js';
import { freePort } from './support/MosquittoProcess.js';
import { cleanupAfterEach } from './support/cleanups.js';
import { MARGARET_AND_TOM } from './support/people.js';
import { until } from '../../../tests/support/until.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-consent-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { track } = cleanupAfterEach();

const USER = 'My name is Ana and my number is 07700 900123.';
const REPLY = 'Thank you Ana. Is Maggie with you today?';

const people: Record<string, ParameterValue> = {
  ...MARGARET_AND_TOM,
};

function graph(overrides: Record<string, ParameterValue>): {
  transport: GraphTransport;
  driver: GraphNode;
  node: GraphNode;
} {
  const transport = track(createInProcessTransport({ logger: { capture: new LogCapture() } }));
  return {
    transport,
    driver: transport.createNode('driver'),
    node: transport.createNode('telemetry', { parameterOverrides: overrides }),
  };
}

function conversation(driver: GraphNode, sessionId: string): void {
  const stamp = driver.clock.now();
  driver
    .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
    .publish(
      DialogueStateType.create({ stamp, state: 'listening', session_id: sessionId, event: 'wake' }),
    );
  driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events).publish(
    TurnRecordType.create({
      stamp,
      session_id: sessionId,
      turn_index: 1,
      kind: 'reply',
      user_text: USER,
      reply_text: REPLY,
      turn_total_ms: 900,
    }),
  );
  driver.createPublisher(AffectType, Topics.affect, Qos.events).publish(
    AffectType.create({
      session_id: sessionId,
      emotion: 'sadness',
      intensity: 0.5,
      valence: -0.4,
    }),
  );
}

function endSession(driver: GraphNode, sessionId: string): void {
  driver
    .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
    .publish(DialogueStateType.create({ state: 'asleep', session_id: '', event: 'user.goodbye' }));
  driver.createPublisher(SessionSummaryType, Topics.sessionSummary, Qos.events).publish(
    SessionSummaryType.create({
      session_id: sessionId,
      reason: 'goodbye',
      turns: 1,
      mood_start: 'sadness',
      mood_end: 'neutral',
      // Labels leave at `summaries`; words put here by mistake never do.
      topics: ['sleep', 'family', 'Ana called 07700 900123'],
      strategies: ['Question', 'Reflection of feelings', 'told Maggie to rest'],
    }),
  );
}

/** An alert always leaves, after everything queued before it: the end of a run. */
function sentinel(driver: GraphNode, alertId: string): void {
  driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
    SafetyAlertType.create({
      alert_id: alertId,
      level: 'high',
      category: 'suicidal_ideation',
      reasons: ['suicidal.kill_self'],
      message: 'I am here with you.',
    }),
  );
}

const kindOf = (m: ProbeMessage): string => {
  const leaf = m.topic.split('/').slice(3).join('/');
  if (leaf.startsWith('session/')) return (m.json as { type: string }).type;
  if (leaf.startsWith('alerts/')) return 'alert';
  if (leaf === 'metrics') return (m.json as { turn?: unknown }).turn ? 'turn metrics' : 'health';
  return leaf;
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TelemetryNode consent', () => {
  const expected: Record<ConsentLevel, string[]> = {
    nothing: ['alert', 'status'],
    state_mood: [
      'alert',
      'mood',
      'session.end',
      'session.start',
      'state',
      'status',
      'turn',
      'turn metrics',
    ],
    summaries: [
      'alert',
      'mood',
      'session.end',
      'session.start',
      'session.summary',
      'state',
      'status',
      'turn',
      'turn metrics',
    ],
    transcripts: [
      'alert',
      'mood',
      'session.end',
      'session.start',
      'session.summary',
      'state',
      'status',
      'turn',
      'turn metrics',
    ],
  };

  it.each(CONSENT_LEVELS.map((l) => [l]))(
    'sends only what consent to %s allows, with text redacted',
    async (level) => {
      const broker = track(await startEmbeddedBroker({ port: 0 }));
      const robot = `consent-${level.replace('_', '-')}`;
      const probe = track(await MqttProbe.connect(broker.url, `hearth/v1/${robot}/#`));
      const { driver, node } = graph({ ...people, 'consent.default': level });
      const telemetry = track(
        new TelemetryNode(node, {
          mqttUrl: broker.url,
          robotId: robot,
          outboxDir: MEMORY_OUTBOX,
        }),
      );
      await telemetry.ready();
      conversation(driver, 's-1');
      await pause(200);
      endSession(driver, 's-1');
      await pause(200);
      sentinel(driver, 'end');
      await probe.next((m) => /\/alerts\//.test(m.topic));

      expect([...new Set(probe.messages.map(kindOf))].sort()).toEqual(expected[level]);
      const everything = probe.messages.map((m) => m.text).join('\n');
      expect(everything).not.toContain('07700');
      expect(everything).not.toContain('Ana');
      expect(everything).not.toContain('Maggie');
      const turn = probe.messages
        .map((m) => SessionEventPayloadSchema.safeParse(m.json))
        .find((p) => p.success && p.data.type === 'turn');
      const summary = probe.messages
        .map((m) => SessionEventPayloadSchema.safeParse(m.json))
        .find((p) => p.success && p.data.type === 'session.summary');
      if (level === 'summaries' || level === 'transcripts') {
        expect(summary?.data).toMatchObject({
          summary: {
            topics: ['sleep', 'family'],
            strategies: ['Question', 'Reflection of feelings'],
          },
        });
      } else {
        // Below `summaries` no summary leaves at all: not its counts, not its topics.
        expect(summary).toBeUndefined();
        expect(everything).not.toMatch(/topics|strategies|Reflection of feelings/);
      }
      expect(everything).not.toContain('to rest');
      if (level === 'transcripts') {
        expect(turn?.data).toMatchObject({
          turn: {
            shared: true,
            userText: 'My name is [NAME] and my number is [PHONE].',
            replyText: 'Thank you [NAME]. Is [NAME] with you today?',
          },
        });
      } else {
        expect(everything).not.toMatch(/userText|replyText|remember|number is/);
      }
    },
  );

  it("follows the consent of the person speaking, and redacts the profile's names", async () => {
    const broker = track(await startEmbeddedBroker({ port: 0 }));
    const probe = track(await MqttProbe.connect(broker.url, 'hearth/v1/who/#'));
    const { driver, node } = graph({
      ...people,
      'consent.current_person': 'margaret',
    });
    const telemetry = track(
      new TelemetryNode(node, {
        mqttUrl: broker.url,
        robotId: 'who',
        outboxDir: MEMORY_OUTBOX,
      }),
    );
    await telemetry.ready();
    conversation(driver, 's-m');
    const shared = await probe.next((m) => kindOf(m) === 'turn');
    expect(shared.json).toMatchObject({
      turn: { shared: true, replyText: 'Thank you [NAME]. Is [NAME] with you today?' },
    });
    // Tom is speaking now: summaries, no text.
    node.setParameters({ 'consent.current_person': 'tom' });
    conversation(driver, 's-t');
    const bare = await probe.next((m) => kindOf(m) === 'turn' && m.topic.includes('s-t'));
    expect(bare.json).toMatchObject({ turn: { shared: false } });
    expect(bare.text).not.toContain('Thank you');
  });

  it('applies a revocation to what waits in the on-disk outbox while the broker is away', async () => {
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;
    const outboxDir = join(root, 'revoke');
    const { driver, node } = graph({ ...people, 'consent.current_person': 'margaret' });
    track(
      new TelemetryNode(node, {
        mqttUrl: url,
        robotId: 'revoke',
        outboxDir,
        backoff: { initialMs: 50, maxMs: 100 },
      }),
    );
    // The broker is away: Margaret's conversation (transcripts), then Tom's (summaries), queue.
    conversation(driver, 's-m');
    await pause(150);
    node.setParameters({ 'consent.current_person': 'tom' });
    conversation(driver, 's-t');
    await pause(150);
    endSession(driver, 's-t');
    const journal = join(outboxDir, 'journal.jsonl');
    await until(
      'the conversations on disk',
      () => existsSync(journal) && readFileSync(journal, 'utf8').includes('session.summary'),
      15_000,
    );
    expect(readFileSync(journal, 'utf8')).toContain('[PHONE]');

    // Margaret revokes transcripts (state and mood only); Tom withdraws everything.
    node.setParameters({ 'people.margaret.consent': 'state_mood' });
    node.setParameters({ 'people.tom.consent': 'nothing' });
    await until(
      'the text gone from the outbox files',
      () =>
        !readdirSync(outboxDir).some((f) =>
          readFileSync(join(outboxDir, f), 'utf8').includes('[PHONE]'),
        ),
      15_000,
    );

    track(await startEmbeddedBroker({ port }));
    const probe = track(await MqttProbe.connect(url, 'hearth/v1/revoke/#'));
    sentinel(driver, 'end');
    await probe.next((m) => /\/alerts\//.test(m.topic));
    const everything = probe.messages.map((m) => m.text).join('\n');
    expect(everything).not.toMatch(/userText|replyText|\[PHONE\]|\[NAME\]/);
    // Margaret's session still shows its state and bare turn; nothing of Tom's leaves.
    const kinds = probe.messages.map((m) =>
      `${kindOf(m)} ${m.topic.includes('s-t') ? 'tom' : ''}`.trim(),
    );
    expect(kinds).toEqual(expect.arrayContaining(['session.start', 'turn']));
    expect(probe.messages.some((m) => m.topic.includes('/session/s-t/'))).toBe(false);
    expect(probe.messages.some((m) => kindOf(m) === 'session.summary')).toBe(false);
  }, 30_000);

  it('clears the retained state and mood when the person speaking withdraws consent', async () => {
    const broker = track(await startEmbeddedBroker({ port: 0 }));
    const probe = track(await MqttProbe.connect(broker.url, 'hearth/v1/clear/#'));
    const { driver, node } = graph({ ...people, 'consent.current_person': 'tom' });
    const telemetry = track(
      new TelemetryNode(node, {
        mqttUrl: broker.url,
        robotId: 'clear',
        outboxDir: MEMORY_OUTBOX,
      }),
    );
    await telemetry.ready();
    conversation(driver, 's-1');
    await probe.next((m) => m.topic.endsWith('/mood'));
    node.setParameters({ 'people.tom.consent': 'nothing' });
    await probe.next((m) => m.topic.endsWith('/mood') && m.text === '');
    await probe.next((m) => m.topic.endsWith('/state') && m.text === '');
    const late = track(await MqttProbe.connect(broker.url, 'hearth/v1/clear/+'));
    await pause(150);
    expect(late.messages.map((m) => kindOf(m))).toEqual(['status']);
  });
});
