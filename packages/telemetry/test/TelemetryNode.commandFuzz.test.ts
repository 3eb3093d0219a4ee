/**
 * The command path under fuzzing, through a real broker (aedes, in-process) and a real MQTT
 * client: random JSON, wrong types, huge strings, bytes that are not UTF-8, unknown verbs and
 * payloads addressed to another robot or verb, published on `hearth/v1/<robot>/cmd/...`. Each is
 * refused and logged, nothing reaches the graph, and a valid command afterwards still passes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import type { LogCapture } from '@hearth/graph';
import { CaregiverCommandType, Topics, type CaregiverCommand } from '@hearth/interfaces';
import type { TelemetryNode } from '../src/TelemetryNode.js';
import { COMMAND_VERBS } from '../src/topics.js';
import { MAX_PAYLOAD_BYTES } from '../src/schemas.js';
import { command } from './support/payloads.js';
import { startTelemetryHarness, type TelemetryHarness } from './support/telemetryHarness.js';

const ROBOT = 'fuzz';
const base = `hearth/v1/${ROBOT}/cmd`;

/** A value of the wrong type for any field of a command. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/**
 * A topic level that is no command verb (and no MQTT wildcard or separator). Not empty: aedes
 * does not deliver `cmd/` to a `cmd/+` subscription (parseTopic refuses it: topics.test.ts).
 */
const badVerb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  // NUL is not allowed in an MQTT topic at all: the client would refuse to send it.
  .map((s) => s.replace(/[/+#]/g, '_').replaceAll(String.fromCharCode(0), '_'))
  .filter((s) => !(COMMAND_VERBS as readonly string[]).includes(s));

const verb = fc.constantFrom(...COMMAND_VERBS);

/** One invalid publish: the topic level after `cmd/` and the payload bytes. */
const invalidCommand: fc.Arbitrary<{ verb: string; payload: Buffer }> = fc.oneof(
  // Random JSON, and JSON of anything at all.
  fc.record({ verb, payload: fc.json().map((j) => Buffer.from(j)) }),
  fc.record({
    verb,
    payload: fc.anything().map((a) => Buffer.from(JSON.stringify(a) ?? 'undefined')),
  }),
  // A valid command with one field of the wrong type, or one field missing.
  fc
    .record({
      verb: fc.constantFrom('pause', 'resume', 'end-session' as const),
      field: fc.constantFrom('schema', 'robot', 'ts', 'commandId', 'issuedBy', 'verb'),
      value: fc.option(wrongType, { nil: undefined }),
    })
    .map(({ verb, field, value }) => {
      const body: Record<string, unknown> = command(ROBOT, verb);
      if (value === undefined) delete body[field];
      else body[field] = value;
      return { verb, payload: Buffer.from(JSON.stringify(body)) };
    }),
  // Huge strings: a `say` over its limit, and payloads over MAX_PAYLOAD_BYTES.
  fc
    .record({
      length: fc.integer({ min: 501, max: 3 * MAX_PAYLOAD_BYTES }),
      char: fc.string({ minLength: 1, maxLength: 1 }),
    })
    .map(({ length, char }) => ({
      verb: 'say',
      payload: Buffer.from(
        JSON.stringify({ ...command(ROBOT, 'pause'), verb: 'say', text: char.repeat(length) }),
      ),
    })),
  // Bytes that are not JSON (nor, often, UTF-8).
  fc.record({ verb, payload: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) }),
  // A valid payload on an unknown verb, on another verb, or addressed to another robot.
  fc.record({
    verb: badVerb,
    payload: fc.constant(Buffer.from(JSON.stringify(command(ROBOT, 'pause')))),
  }),
  fc.constant({ verb: 'resume', payload: Buffer.from(JSON.stringify(command(ROBOT, 'pause'))) }),
  fc.constant({
    verb: 'pause',
    payload: Buffer.from(JSON.stringify(command('other-robot', 'pause'))),
  }),
);

describe('TelemetryNode command fuzzing', () => {
  let harness: TelemetryHarness;
  let telemetry: TelemetryNode;
  let capture: LogCapture;
  let sender: MqttClient;
  const reachedGraph: CaregiverCommand[] = [];

  beforeAll(async () => {
    // The probe listens to status only: the fuzzed commands are no business of it.
    harness = await startTelemetryHarness({
      robot: ROBOT,
      probeTopic: `hearth/v1/${ROBOT}/status`,
      realTimers: true,
    });
    ({ telemetry, capture } = harness);
    harness.driver.createSubscription(CaregiverCommandType, Topics.caregiverCommand, (m) =>
      reachedGraph.push(m),
    );
    sender = await mqtt.connectAsync(harness.broker.url, { reconnectPeriod: 0 });
  });

  afterAll(async () => {
    await sender.endAsync();
    await harness.close();
  });

  /** Publishes and resolves with what the node made of it: refused (with issues) or accepted. */
  async function verdict(verbLevel: string, payload: Buffer): Promise<'refused' | 'accepted'> {
    const decided = new Promise<'refused' | 'accepted'>((resolve) => {
      const refused = (): void => done('refused');
      const accepted = (): void => done('accepted');
      const done = (what: 'refused' | 'accepted'): void => {
        telemetry.off('commandRefused', refused);
        telemetry.off('commandAccepted', accepted);
        resolve(what);
      };
      telemetry.once('commandRefused', refused);
      telemetry.once('commandAccepted', accepted);
    });
    await sender.publishAsync(`${base}/${verbLevel}`, payload, { qos: 1 });
    return decided;
  }

  it('refuses and logs every invalid command, and nothing reaches the graph', async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(invalidCommand, async ({ verb, payload }) => {
        published += 1;
        expect(await verdict(verb, payload)).toBe('refused');
      }),
      { numRuns: 100 },
    );
    const refusals = capture
      .linesOf('telemetry', 'warn')
      .filter((r) => r.msg === 'refused caregiver command');
    expect(refusals).toHaveLength(published);
    expect(refusals.every((r) => Array.isArray(r['issues']) && r['issues'].length > 0)).toBe(true);
    // The graph's bus delivers on setImmediate: give anything wrongly published time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reachedGraph).toEqual([]);

    // The node keeps working: a valid command afterwards passes to the graph.
    const valid = command(ROBOT, 'pause');
    expect(await verdict('pause', Buffer.from(JSON.stringify(valid)))).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reachedGraph.map((c) => c.verb)).toEqual(['pause']);
  }, 30_000);
});
