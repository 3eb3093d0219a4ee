/**
 * The example mosquitto configuration (config/mosquitto/) on a real mosquitto: users log in with
 * a password file made by mosquitto_passwd at test time, a robot writes only its own topics and
 * reads only its own commands, and the dashboard reads telemetry and sends commands only.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mqtt from 'mqtt';
import { MqttProbe } from './support/MqttProbe.js';
import { MosquittoProcess } from './support/MosquittoProcess.js';

const CONFIG_DIR = fileURLToPath(new URL('../../../config/mosquitto/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-acl-'));
const passwords = {
  'hearth-dashboard': randomBytes(12).toString('hex'),
  'robot-a': randomBytes(12).toString('hex'),
  'robot-b': randomBytes(12).toString('hex'),
};
type User = keyof typeof passwords;

describe('config/mosquitto on a real mosquitto', () => {
  let broker: MosquittoProcess;

  beforeAll(async () => {
    const passwd = join(root, 'passwd');
    for (const [user, password] of Object.entries(passwords)) {
      execFileSync('mosquitto_passwd', [
        '-b',
        ...(user === 'hearth-dashboard' ? ['-c'] : []),
        passwd,
        user,
        password,
      ]);
    }
    // The example file as shipped, with its listener, paths and persistence moved into the test's folder.
    const example = readFileSync(join(CONFIG_DIR, 'mosquitto.conf'), 'utf8')
      .replace(/^password_file .*$/m, `password_file ${passwd}`)
      .replace(/^acl_file .*$/m, `acl_file ${join(CONFIG_DIR, 'hearth.acl')}`)
      .replace(/^persistence_location .*$/m, `persistence_location ${root}/`)
      .replace(/^listener 1883 127\.0\.0\.1$/m, '');
    broker = await MosquittoProcess.start(root, example);
  });

  afterAll(async () => {
    await broker.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const login = (user: User) => ({ username: user, password: passwords[user] });

  it('refuses a client without the right password', async () => {
    await expect(
      mqtt.connectAsync(broker.url, { username: 'robot-a', password: 'wrong', reconnectPeriod: 0 }),
    ).rejects.toThrow(/Not authorized|Bad user name or password/i);
    await expect(mqtt.connectAsync(broker.url, { reconnectPeriod: 0 })).rejects.toThrow(
      /Not authorized/i,
    );
  });

  it('lets a robot write its own topics, and not another robot’s', async () => {
    const dashboard = await MqttProbe.connect(
      broker.url,
      'hearth/v1/+/#',
      login('hearth-dashboard'),
    );
    const robotA = await mqtt.connectAsync(broker.url, { ...login('robot-a'), reconnectPeriod: 0 });
    // mosquitto drops a refused publish silently (MQTT 3.1.1 has no way to say no), so the
    // allowed message sent after it marks the point by which the refused one would have arrived.
    await robotA.publishAsync('hearth/v1/robot-b/status', 'forged', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-b/alert', 'forged', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-b/alerts/a-1', 'forged', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-a/alerts/a-1', 'my alert', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-a/status', 'mine', { qos: 1 });
    await dashboard.next((m) => m.topic === 'hearth/v1/robot-a/status');
    expect(dashboard.messages.map((m) => [m.topic, m.text])).toEqual([
      ['hearth/v1/robot-a/alerts/a-1', 'my alert'],
      ['hearth/v1/robot-a/status', 'mine'],
    ]);
    await robotA.endAsync();
    await dashboard.close();
  });

  it('lets the dashboard command robots, each robot reading only its own commands', async () => {
    const robotA = await MqttProbe.connect(broker.url, 'hearth/v1/+/cmd/+', login('robot-a'));
    const robotB = await MqttProbe.connect(broker.url, 'hearth/v1/robot-b/cmd/+', login('robot-b'));
    const dashboard = await mqtt.connectAsync(broker.url, {
      ...login('hearth-dashboard'),
      reconnectPeriod: 0,
    });
    await dashboard.publishAsync('hearth/v1/robot-b/cmd/pause', 'for b', { qos: 1 });
    await dashboard.publishAsync('hearth/v1/robot-a/cmd/pause', 'for a', { qos: 1 });
    await robotA.next((m) => m.text === 'for a');
    await robotB.next((m) => m.text === 'for b');
    expect(robotA.messages.map((m) => m.text)).toEqual(['for a']);
    await robotA.close();
    await robotB.close();
    await dashboard.endAsync();
  });

  it('does not let the dashboard write telemetry, nor a robot send commands', async () => {
    const watcher = await MqttProbe.connect(broker.url, 'hearth/v1/+/#', login('hearth-dashboard'));
    const dashboard = await mqtt.connectAsync(broker.url, {
      ...login('hearth-dashboard'),
      reconnectPeriod: 0,
    });
    const robotA = await mqtt.connectAsync(broker.url, { ...login('robot-a'), reconnectPeriod: 0 });
    const robotB = await MqttProbe.connect(broker.url, 'hearth/v1/robot-b/cmd/+', login('robot-b'));
    await dashboard.publishAsync('hearth/v1/robot-a/status', 'forged', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-b/cmd/pause', 'forged', { qos: 1 });
    await robotA.publishAsync('hearth/v1/robot-a/state', 'mine', { qos: 1 });
    await watcher.next((m) => m.text === 'mine');
    expect(watcher.messages.map((m) => m.text)).toEqual(['mine']);
    expect(robotB.messages).toEqual([]);
    await Promise.all([watcher.close(), robotB.close(), dashboard.endAsync(), robotA.endAsync()]);
  });

  it('does not let the dashboard user publish as a robot named after it', async () => {
    const watcher = await MqttProbe.connect(broker.url, 'hearth/v1/+/#', login('hearth-dashboard'));
    const dashboard = await mqtt.connectAsync(broker.url, {
      ...login('hearth-dashboard'),
      reconnectPeriod: 0,
    });
    const robotA = await mqtt.connectAsync(broker.url, { ...login('robot-a'), reconnectPeriod: 0 });
    // Each of the robot's own topics, as the dashboard's "robot": all refused.
    for (const leaf of [
      'status',
      'state',
      'session/s1/event',
      'metrics',
      'mood',
      'alert',
      'alerts/a-1',
      'notice',
    ])
      await dashboard.publishAsync(`hearth/v1/hearth-dashboard/${leaf}`, 'forged', { qos: 1 });
    // A real robot's notice still goes through, and marks when the refused ones would have come.
    await robotA.publishAsync('hearth/v1/robot-a/notice', 'mine', { qos: 1 });
    await watcher.next((m) => m.text === 'mine');
    expect(watcher.messages.map((m) => [m.topic, m.text])).toEqual([
      ['hearth/v1/robot-a/notice', 'mine'],
    ]);
    await Promise.all([watcher.close(), dashboard.endAsync(), robotA.endAsync()]);
  });
});
