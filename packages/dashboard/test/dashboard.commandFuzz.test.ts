/**
 * The dashboard's command route under fuzzing (fast-check), on a real server and a real broker
 * (aedes): invalid bodies (wrong types, empty or huge strings, bad times, JSON of anything, text
 * that is not JSON), unknown verbs and robot ids that are no topic level. Every one is answered
 * 400 (never 500), nothing is published, and a valid command afterwards still goes out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import { COMMAND_VERBS, startEmbeddedBroker, type EmbeddedBroker } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import { CapturingLogger, eventually } from './support/FakeRobotPublisher.js';
import { postRaw } from './support/http.js';

const ROBOT = 'fuzz-robot';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null');

/** What `say` accepts as text: the fuzz must not produce it by chance. */
const sayable = (text: unknown): boolean =>
  typeof text === 'string' && text.trim() !== '' && text.length <= 500;

const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const hugeString = fc
  .record({ length: fc.integer({ min: 501, max: 200_000 }), char: fc.constantFrom('a', 'é', '😀') })
  .map(({ length, char }) => char.repeat(length));
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const badTime = fc.oneof(
  wrongType,
  fc.string({ maxLength: 8 }).filter((s) => s !== '' && !HH_MM.test(s)),
  fc.constantFrom('24:00', '7:00', '07:60', '07:00-08:00'),
);
const notJson = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
const badVerb = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => !(COMMAND_VERBS as readonly string[]).includes(s));
const badRobot = fc.oneof(
  fc.constantFrom('a+b', 'a#b', 'a/b', 'tab\there', 'x'.repeat(129)),
  fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${s}+`),
);

/** One invalid request: robot, verb and the raw body. */
const invalidRequest: fc.Arbitrary<{ robot: string; verb: string; body: Buffer }> = fc.oneof(
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constant('say'),
    body: fc
      .oneof(wrongType, hugeString, fc.constantFrom('', '   ', '\n\t'))
      .map((text) => json({ text })),
  }),
  fc.record({ robot: fc.constant(ROBOT), verb: fc.constant('say'), body: fc.constant(json({})) }),
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constant('ack-alert'),
    body: fc
      .oneof(wrongType, fc.constant(''), fc.string({ minLength: 129, maxLength: 300 }))
      .map((alertId) => json({ alertId })),
  }),
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constant('quiet-hours'),
    body: fc
      .record({ start: badTime, end: fc.oneof(badTime, fc.constantFrom('', '07:00')) })
      .map((times) => json(times)),
  }),
  // JSON of anything (arrays, numbers, strings, nested objects) where `say` needs text.
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constant('say'),
    body: fc
      .anything()
      .filter((value) => !sayable((value as { text?: unknown } | null)?.text))
      .map((value) => json(value)),
  }),
  // Not JSON at all, on any verb; and an object that tries to set its prototype.
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constantFrom(...COMMAND_VERBS),
    body: notJson.map((s) => Buffer.from(s)),
  }),
  fc.record({
    robot: fc.constant(ROBOT),
    verb: fc.constantFrom(...COMMAND_VERBS),
    body: fc.constant(Buffer.from('{"__proto__":{"text":"hi"},"text":1}')),
  }),
  // Unknown verbs and robot ids that are no MQTT topic level, with a body that would be valid.
  fc.record({ robot: fc.constant(ROBOT), verb: badVerb, body: fc.constant(json({ text: 'hi' })) }),
  fc.record({
    robot: badRobot,
    verb: fc.constantFrom(...COMMAND_VERBS),
    body: fc.constant(json({ text: 'hi', alertId: 'a1', start: '', end: '' })),
  }),
);

describe('dashboard command route fuzzing (aedes)', () => {
  let broker: EmbeddedBroker;
  let dashboard: Dashboard;
  let listener: MqttClient;
  const published: string[] = [];
  const logger = new CapturingLogger();

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    dashboard = await startDashboard({ mqttUrl: broker.url, port: 0, logger });
    await dashboard.ready();
    listener = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await listener.subscribeAsync('hearth/v1/+/cmd/#', { qos: 1 });
    listener.on('message', (topic) => published.push(topic));
  });
  afterAll(async () => {
    await listener.endAsync();
    await dashboard.close();
    await broker.close();
  });

  const commandUrl = (robot: string, verb: string): URL =>
    new URL(
      `/api/robots/${encodeURIComponent(robot)}/commands/${encodeURIComponent(verb)}`,
      dashboard.url,
    );

  it('answers every invalid command 400, never 500, and publishes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(invalidRequest, async ({ robot, verb, body }) => {
        const response = await postRaw(commandUrl(robot, verb), body);
        // fastify refuses a path parameter over 100 characters itself: 414 URI Too Long.
        const longParam = [robot, verb].some((p) => encodeURIComponent(p).length > 100);
        expect(longParam ? [400, 414] : [400]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
    // Too large for the server at all: refused as such, still not a server error.
    const oversized = await postRaw(commandUrl(ROBOT, 'say'), json({ text: 'x'.repeat(2 << 20) }));
    expect(oversized.status).toBe(413);
    const plain = await postRaw(commandUrl(ROBOT, 'say'), Buffer.from('hi'), 'text/plain');
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(plain.status).toBeLessThan(500);

    // A valid command afterwards goes out, and it is the only one that did.
    const ok = await postRaw(commandUrl(ROBOT, 'say'), json({ text: 'Tea is ready.' }));
    expect(ok.status).toBe(202);
    await eventually(() => (published.length > 0 ? published : undefined));
    expect(published).toEqual([`hearth/v1/${ROBOT}/cmd/say`]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);
});
