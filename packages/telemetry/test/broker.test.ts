import { describe, it, expect, afterEach } from '@jest/globals';
import mqtt from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../src/broker/startEmbeddedBroker.js';
import { PortInUseError } from '../src/errors/PortInUseError.js';
import { MqttProbe } from './support/MqttProbe.js';

describe('startEmbeddedBroker', () => {
  const brokers: EmbeddedBroker[] = [];
  const probes: MqttProbe[] = [];
  afterEach(async () => {
    await Promise.all(probes.splice(0).map((p) => p.close()));
    await Promise.all(brokers.splice(0).map((b) => b.close()));
  });
  const start = async (): Promise<EmbeddedBroker> => {
    const broker = await startEmbeddedBroker({ port: 0 });
    brokers.push(broker);
    return broker;
  };

  it('listens on a free port and gives its URL', async () => {
    const broker = await start();
    expect(broker.port).toBeGreaterThan(0);
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
  });

  it('keeps retained messages for later subscribers', async () => {
    const broker = await start();
    const publisher = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await publisher.publishAsync('hearth/v1/r/status', 'kept', { qos: 1, retain: true });
    await publisher.endAsync();
    const probe = await MqttProbe.connect(broker.url, 'hearth/v1/r/status');
    probes.push(probe);
    const message = await probe.next(() => true);
    expect(message).toMatchObject({ text: 'kept', retain: true });
  });

  it('sends the last will of a client that vanishes', async () => {
    const broker = await start();
    const probe = await MqttProbe.connect(broker.url, 'will/#');
    probes.push(probe);
    const doomed = await mqtt.connectAsync(broker.url, {
      reconnectPeriod: 0,
      will: { topic: 'will/r', payload: Buffer.from('gone'), qos: 1, retain: false },
    });
    doomed.stream.destroy();
    expect((await probe.next((m) => m.topic === 'will/r')).text).toBe('gone');
    await doomed.endAsync(true);
  });

  it('names the port and the fix when the port is in use', async () => {
    const first = await start();
    const second = startEmbeddedBroker({ port: first.port });
    await expect(second).rejects.toBeInstanceOf(PortInUseError);
    await expect(second).rejects.toThrow(new RegExp(`port ${first.port}.*--mqtt-port`));
  });

  it('closes with clients still connected, and twice', async () => {
    const broker = await startEmbeddedBroker({ port: 0 });
    const client = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await broker.close();
    await broker.close();
    await client.endAsync(true);
  });
});
