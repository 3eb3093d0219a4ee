/**
 * Issue 7's promise at a real broker: no transcript leaves the robot without consent. The same
 * conversation, full of personal details, runs through the whole in-process graph (`hearth chat
 * --model none`, publishing to the mosquitto started by the test setup) once per consent level
 * of the person speaking, while a subscriber to `hearth/v1/#` records everything that arrives.
 * Below `transcripts`, neither the person's words nor the robot's leave in any payload; with it,
 * the turns carry text, and the names, phone number, address and email in it are redacted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CONSENT_LEVELS,
  type ConsentLevel,
} from '../../packages/telemetry/src/consent/ConsentLevel.js';
import { MqttProbe, mosquittoUrl } from '../../packages/telemetry/test/support/MqttProbe.js';
import { runHearth, type CliResult } from '../support/hearthCli.js';

const LINES = [
  'My name is Ana Lima and my number is 07700 900123',
  'I live at 42 Elm Street and my daughter Sarah moved away',
  'You can email me at ana.lima@example.com',
];
/** Personal details that must never leave as they are, at any level. */
const DETAILS = ['Ana', 'Lima', '07700', '900123', 'Elm Street', 'Sarah', 'ana.lima@example.com'];

interface Run {
  readonly robot: string;
  readonly result: CliResult;
  /** What the robot said, from `hearth chat --json`. */
  readonly replies: string[];
}

const robotOf = (level: ConsentLevel): string =>
  `consent-e2e-${level.replace('_', '-')}-${process.pid}`;

describe('consent at a real broker: hearth chat through mosquitto', () => {
  let probe: MqttProbe;
  const runs = new Map<ConsentLevel, Run>();

  beforeAll(async () => {
    probe = await MqttProbe.connect(mosquittoUrl(), 'hearth/v1/#');
    // The four runs at once: each is its own robot with its own outbox (its own HOME).
    await Promise.all(
      CONSENT_LEVELS.map(async (level) => {
        const robot = robotOf(level);
        const result = await runHearth(
          [
            'chat',
            '--json',
            '--model',
            'none',
            '--mqtt',
            mosquittoUrl(),
            '--turn-timeout',
            '60000',
            '--param',
            `telemetry.robot_id=${robot}`,
            '--param',
            'telemetry.people.ids=[ana]',
            '--param',
            'telemetry.people.ana.display_name=Ana Lima',
            '--param',
            'telemetry.consent.current_person=ana',
            '--param',
            `telemetry.people.ana.consent=${level}`,
            '--param',
            'llm.threads=1',
          ],
          { input: `${LINES.join('\n')}\n`, timeoutMs: 150_000 },
        );
        const replies = result.stdout
          .trim()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => (JSON.parse(line) as { reply: string }).reply);
        runs.set(level, { robot, result, replies });
        // The node publishes offline after it has sent what waited: everything is in.
        await probe.next(
          (m) =>
            m.topic === `hearth/v1/${robot}/status` &&
            (m.json as { state?: string } | undefined)?.state === 'offline',
        );
      }),
    );
  }, 200_000);

  afterAll(async () => {
    // Retained messages would outlive the test on the shared mosquitto.
    for (const level of CONSENT_LEVELS) {
      const robot = `hearth/v1/${robotOf(level)}/`;
      // Each alert has its own retained topic (alerts/<alertId>): clear the ones that came.
      const alerts = probe.messages
        .map((m) => m.topic)
        .filter((t) => t.startsWith(`${robot}alerts/`));
      const topics = new Set([...['status', 'state', 'mood'].map((l) => robot + l), ...alerts]);
      for (const topic of topics)
        await probe.client.publishAsync(topic, '', { qos: 1, retain: true });
    }
    await probe.close();
  });

  const received = (level: ConsentLevel) =>
    probe.messages.filter((m) => m.topic.startsWith(`hearth/v1/${robotOf(level)}/`));

  it.each(CONSENT_LEVELS.map((l) => [l]))(
    'at %s, lets no personal detail leave as it is',
    (level) => {
      const run = runs.get(level)!;
      expect(run.result.code).toBe(0);
      expect(run.replies).toHaveLength(LINES.length + 1);
      const messages = received(level);
      expect(messages.length).toBeGreaterThan(0);
      const everything = messages.map((m) => m.text).join('\n');
      for (const detail of DETAILS) expect(everything).not.toContain(detail);
    },
  );

  it.each(CONSENT_LEVELS.filter((l) => l !== 'transcripts').map((l) => [l]))(
    'at %s, sends neither the person’s words nor the robot’s',
    (level) => {
      const run = runs.get(level)!;
      const everything = received(level)
        .map((m) => m.text)
        .join('\n');
      expect(everything).not.toMatch(/userText|replyText/);
      for (const line of LINES) expect(everything).not.toContain(line.slice(20, 40));
      for (const reply of run.replies) expect(everything).not.toContain(reply);
      const leaves = new Set(received(level).map((m) => m.topic.split('/').slice(3)[0]));
      if (level === 'nothing') expect([...leaves].sort()).toEqual(['status']);
      else expect(leaves).toEqual(new Set(['status', 'state', 'session', 'metrics', 'mood']));
    },
  );

  it('at transcripts, sends the turns with their text, redacted', () => {
    const run = runs.get('transcripts')!;
    const turns = received('transcripts')
      .map(
        (m) =>
          m.json as {
            type?: string;
            turn?: { shared: boolean; userText?: string; replyText?: string };
          },
      )
      .filter((e) => e.type === 'turn' && e.turn?.shared === true)
      .map((e) => e.turn!);
    expect(turns.map((t) => t.userText)).toEqual([
      '',
      'My name is [NAME] and my number is [PHONE]',
      'I live at [ADDRESS] and my daughter [NAME] moved away',
      'You can email me at [EMAIL]',
    ]);
    // The robot's words leave too (they held no personal detail).
    expect(turns.map((t) => t.replyText)).toEqual(run.replies);
  });
});
