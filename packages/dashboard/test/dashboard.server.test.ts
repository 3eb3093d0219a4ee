import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import mqtt from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import { DashboardPortInUseError } from '../src/errors/DashboardPortInUseError.js';
import { CapturingLogger, FakeRobotPublisher, eventually } from './support/FakeRobotPublisher.js';
import type { DashboardSnapshot } from '../src/store/DashboardStore.js';
import { http } from './support/http.js';

describe('dashboard server (aedes)', () => {
  let broker: EmbeddedBroker;
  let dashboard: Dashboard;
  let robot: FakeRobotPublisher;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    dashboard = await startDashboard({ mqttUrl: broker.url, port: 0, logger });
    await dashboard.ready();
    robot = await FakeRobotPublisher.connect(broker.url, 'server-test');
  });
  afterAll(async () => {
    await robot.close();
    await dashboard.close();
    await broker.close();
  });

  const snapshot = async (): Promise<DashboardSnapshot> =>
    (await http('GET', new URL('/api/snapshot', dashboard.url))).json<{
      snapshot: DashboardSnapshot;
    }>().snapshot;

  it('serves the page and its assets locally', async () => {
    const page = await http('GET', dashboard.url);
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toContain('Hearth care dashboard');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/app.js', '/style.css'])
      expect((await http('GET', new URL(asset, dashboard.url))).status).toBe(200);
  });

  it('stores what robots publish', async () => {
    await robot.status('online');
    const robotView = await eventually(async () =>
      (await snapshot()).robots.find((r) => r.robot === 'server-test' && r.status === 'online'),
    );
    expect(robotView.statusTs).not.toBeNull();
  });

  it('logs and drops invalid payloads', async () => {
    await robot.raw(
      robot.topics.state,
      JSON.stringify({ schema: 1, robot: 'server-test', state: 'listening' }),
    );
    await robot.raw(robot.topics.status, '{not json');
    await robot.raw(
      robot.topics.status,
      JSON.stringify({
        schema: 1,
        robot: 'someone-else',
        ts: new Date().toISOString(),
        state: 'offline',
      }),
    );
    const dropped = await eventually(() => {
      const lines = logger.lines.filter((l) => l.message === 'dropped invalid telemetry');
      return lines.length >= 3 ? lines : undefined;
    });
    expect(dropped.map((l) => String(l.fields?.issues))).toEqual([
      expect.stringMatching(/ts/),
      expect.stringMatching(/not JSON/),
      expect.stringMatching(/does not match/),
    ]);
    const view = (await snapshot()).robots.find((r) => r.robot === 'server-test');
    expect(view).toMatchObject({ status: 'online', state: null });
  });

  it('publishes a validated command and refuses an invalid one', async () => {
    const listener = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await listener.subscribeAsync('hearth/v1/server-test/cmd/+', { qos: 1 });
    const received = new Promise<{ topic: string; payload: unknown }>((resolve) =>
      listener.once('message', (topic, payload) =>
        resolve({ topic, payload: JSON.parse(payload.toString()) }),
      ),
    );
    const bad = await http('POST', new URL('/api/robots/server-test/commands/say', dashboard.url), {
      text: '',
    });
    expect(bad.status).toBe(400);
    const unknown = await http(
      'POST',
      new URL('/api/robots/server-test/commands/dance', dashboard.url),
    );
    expect(unknown.status).toBe(400);
    const ok = await http('POST', new URL('/api/robots/server-test/commands/say', dashboard.url), {
      text: 'Tea is ready.',
    });
    expect(ok.status).toBe(202);
    const message = await received;
    expect(message.topic).toBe('hearth/v1/server-test/cmd/say');
    expect(message.payload).toMatchObject({
      schema: 1,
      robot: 'server-test',
      verb: 'say',
      text: 'Tea is ready.',
      issuedBy: 'development',
    });
    await listener.endAsync();
  });

  it('names the port and the fix when its port is taken', async () => {
    await expect(
      startDashboard({ mqttUrl: broker.url, port: dashboard.port }),
    ).rejects.toBeInstanceOf(DashboardPortInUseError);
  });
});
