/**
 * The dashboard reconnects to a broker that went away with exponential backoff and jitter (the
 * robot's Backoff), not a flat period: delays grow, are spread, start over after a connection,
 * and stop on close. Then for real: an aedes broker stopped and started again on its port, and
 * the dashboard picks up telemetry sent after it came back.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  BrokerReconnect,
  startEmbeddedBroker,
  type EmbeddedBroker,
  type ReconnectingClient,
} from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { CapturingLogger, FakeRobotPublisher, eventually } from './support/FakeRobotPublisher.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

class FakeClient extends EventEmitter implements ReconnectingClient {
  connected = false;
  reconnects = 0;
  reconnect(): void {
    this.reconnects += 1;
  }
}

describe('BrokerReconnect', () => {
  it('waits longer after each failed attempt, with jitter, and starts over once connected', () => {
    const client = new FakeClient();
    const timers = new ManualTimers();
    const delays: number[] = [];
    let random = 0;
    const reconnect = new BrokerReconnect(
      client,
      timers,
      { initialMs: 100, maxMs: 800, random: () => random },
      (ms) => delays.push(ms),
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      client.emit('close');
      timers.fireAll();
    }
    // Equal jitter at random 0: half of 100, 200, 400, 800, then the cap.
    expect(delays).toEqual([50, 100, 200, 400, 400]);
    expect(client.reconnects).toBe(5);
    // The random half spreads robots and dashboards apart.
    random = 0.999;
    client.emit('close');
    expect(delays.at(-1)).toBe(800);
    timers.fireAll();
    client.emit('connect');
    random = 0;
    client.emit('close');
    expect(delays.at(-1)).toBe(50);
    // One retry pending at a time; none after dispose.
    client.emit('close');
    expect(delays).toHaveLength(7);
    reconnect.dispose();
    expect(timers.pendingCount).toBe(0);
    client.emit('close');
    expect(timers.pendingCount).toBe(0);
  });

  it('does not reconnect a client that came back by itself', () => {
    const client = new FakeClient();
    const timers = new ManualTimers();
    new BrokerReconnect(client, timers, { initialMs: 100 });
    client.emit('close');
    client.connected = true;
    timers.fireAll();
    expect(client.reconnects).toBe(0);
  });
});

describe('the dashboard and a broker that restarts', () => {
  let broker: EmbeddedBroker | undefined;
  let dashboard: Dashboard | undefined;
  let robot: FakeRobotPublisher | undefined;
  afterEach(async () => {
    await robot?.close();
    await dashboard?.close();
    await broker?.close();
  });

  it('reconnects with backoff and receives what is sent after the broker is back', async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    const port = broker.port;
    const store = new MemoryDashboardStore();
    dashboard = await startDashboard({
      mqttUrl: broker.url,
      port: 0,
      store,
      logger: new CapturingLogger(),
      reconnect: { initialMs: 50, maxMs: 200 },
    });
    await dashboard.ready();
    await broker.close();
    broker = await startEmbeddedBroker({ port });
    robot = await FakeRobotPublisher.connect(broker.url, 'reconnect-robot');
    // The fresh broker keeps nothing: the status is retained, so it arrives on resubscribe.
    await robot.status('online');
    const view = await eventually(async () => {
      const found = (await store.snapshot()).robots.find((r) => r.robot === 'reconnect-robot');
      return found?.status === 'online' ? found : undefined;
    });
    expect(view.status).toBe('online');
  }, 15_000);
});
