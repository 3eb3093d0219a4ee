/**
 * The robot's MQTT session is persistent (a fixed client id from the robot id, clean: false), so
 * a caregiver command sent while the robot is offline arrives when it is back; one that has grown
 * older than `command_max_age_ms` by then is dropped (an acknowledgement never is). On the
 * embedded aedes broker, which keeps sessions in memory.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { startEmbeddedBroker, type EmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { MEMORY_OUTBOX, TelemetryNode, type CommandRefusal } from '../src/TelemetryNode.js';
import type { CommandPayload } from '../src/schemas.js';
import { MqttProbe } from './support/MqttProbe.js';

const robot = `session-${process.pid}`;

describe('TelemetryNode persistent session', () => {
  let broker: EmbeddedBroker;
  let caregiver: MqttProbe;

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    caregiver = await MqttProbe.connect(broker.url, `hearth/v1/${robot}/status`);
  });

  afterAll(async () => {
    await caregiver.close();
    await broker.close();
  });

  async function start() {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const accepted: CommandPayload[] = [];
    const refused: CommandRefusal[] = [];
    const telemetry = new TelemetryNode(
      transport.createNode('telemetry', { parameterOverrides: { command_max_age_ms: 60_000 } }),
      { mqttUrl: broker.url, robotId: robot, outboxDir: MEMORY_OUTBOX },
    );
    telemetry.on('commandAccepted', (c) => accepted.push(c));
    telemetry.on('commandRefused', (r) => refused.push(r));
    await telemetry.ready();
    return {
      accepted,
      refused,
      stop: async () => {
        await telemetry.dispose();
        await transport.shutdown();
      },
    };
  }

  const send = (verb: string, ageMs: number, extra: Record<string, unknown> = {}) =>
    caregiver.client.publishAsync(
      `hearth/v1/${robot}/cmd/${verb}`,
      JSON.stringify({
        schema: 1,
        robot,
        ts: new Date(Date.now() - ageMs).toISOString(),
        commandId: randomUUID(),
        issuedBy: 'carol',
        verb,
        ...extra,
      }),
      { qos: 1 },
    );

  it('receives commands sent while it was offline, dropping the stale ones but no acknowledgement', async () => {
    const first = await start();
    await first.stop();

    // The robot is away: the broker queues these for its session.
    await send('say', 0, { text: 'Lunch is ready.' });
    await send('pause', 3_600_000);
    await send('ack-alert', 3_600_000, { alertId: 'alert-9' });

    const second = await start();
    const deadline = Date.now() + 5000;
    while (second.accepted.length + second.refused.length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(second.accepted.map((c) => c.verb)).toEqual(['say', 'ack-alert']);
    expect(second.refused).toEqual([
      { topic: `hearth/v1/${robot}/cmd/pause`, issues: [expect.stringMatching(/stale/)] },
    ]);
    await second.stop();
  });
});
