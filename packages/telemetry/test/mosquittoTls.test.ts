/**
 * The TLS listener of the example mosquitto configuration (config/mosquitto/mosquitto.conf, its
 * commented block switched on as the install notes say) on a real mosquitto, with a private CA
 * and a server certificate that the test makes with openssl. The robot's telemetry node connects
 * with mqtts://, the CA from its mqtt_ca_file parameter and the password in its URL, and the
 * dashboard user reads what it sends. The password never reaches the node's logs, and a node that
 * does not trust the CA does not connect.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DialogueStateType, Topics } from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { MqttCaFileError } from '../src/errors/MqttCaFileError.js';
import { TelemetryNode } from '../src/TelemetryNode.js';
import { MqttProbe } from './support/MqttProbe.js';
import { MosquittoProcess, freePort } from './support/MosquittoProcess.js';

const CONFIG_DIR = fileURLToPath(new URL('../../../config/mosquitto/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-tls-'));
const passwords = {
  'hearth-dashboard': randomBytes(12).toString('hex'),
  'robot-tls': randomBytes(12).toString('hex'),
};
const caFile = join(root, 'ca.crt');

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A private CA and a server certificate for 127.0.0.1 signed by it (the config's recipe). */
function makeCertificates(): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=hearth-test-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  writeFileSync(join(root, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  );
}

/** The shipped file with its TLS block switched on, on `tlsPort`, and every path in `root`. */
function exampleWithTls(tlsPort: number, passwd: string): string {
  const config = readFileSync(join(CONFIG_DIR, 'mosquitto.conf'), 'utf8')
    .replace(/^password_file .*$/m, `password_file ${passwd}`)
    .replace(/^acl_file .*$/m, `acl_file ${join(CONFIG_DIR, 'hearth.acl')}`)
    .replace(/^persistence_location .*$/m, `persistence_location ${root}/`)
    .replace(/^listener 1883 127\.0\.0\.1$/m, '')
    .replace(/^#(listener 8883|certfile |keyfile |cafile |tls_version )/gm, '$1')
    .replace(/^listener 8883$/m, `listener ${tlsPort} 127.0.0.1`)
    .replaceAll('/etc/mosquitto/certs/', `${root}/`);
  // Fail loudly if the shipped file changed shape and the block above no longer matches.
  for (const line of [`listener ${tlsPort} 127.0.0.1`, `certfile ${root}/server.crt`])
    expect(config).toContain(`\n${line}\n`);
  return config;
}

describe('config/mosquitto TLS listener on a real mosquitto', () => {
  let broker: MosquittoProcess;
  let tlsPort: number;
  const transports: GraphTransport[] = [];

  beforeAll(async () => {
    makeCertificates();
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
    tlsPort = await freePort();
    broker = await MosquittoProcess.start(root, exampleWithTls(tlsPort, passwd));
  });

  afterAll(async () => {
    await Promise.all(transports.map((t) => t.shutdown()));
    await broker.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** A graph of its own for each node, with its log lines captured. */
  function telemetryGraph(): { transport: GraphTransport; logs: LogCapture } {
    const logs = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture: logs } });
    transports.push(transport);
    return { transport, logs };
  }

  const robotUrl = (): string => `mqtts://robot-tls:${passwords['robot-tls']}@127.0.0.1:${tlsPort}`;

  it('carries a robot’s telemetry over mqtts:// with the CA file and its password', async () => {
    const dashboard = await MqttProbe.connect(`mqtts://127.0.0.1:${tlsPort}`, 'hearth/v1/+/#', {
      username: 'hearth-dashboard',
      password: passwords['hearth-dashboard'],
      ca: readFileSync(caFile),
    });
    const { transport, logs } = telemetryGraph();
    const telemetry = new TelemetryNode(
      transport.createNode('telemetry', { parameterOverrides: { mqtt_ca_file: caFile } }),
      { mqttUrl: robotUrl(), robotId: 'robot-tls', outboxDir: 'memory' },
    );
    await telemetry.ready();
    transport
      .createNode('driver')
      .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
      .publish(DialogueStateType.create({ state: 'listening', session_id: 's-tls', event: 'x' }));

    await dashboard.next((m) => m.topic === 'hearth/v1/robot-tls/status');
    const state = await dashboard.next((m) => m.topic === 'hearth/v1/robot-tls/state');
    expect(state.json).toMatchObject({
      robot: 'robot-tls',
      state: 'listening',
      sessionId: 's-tls',
    });
    await telemetry.dispose();
    await dashboard.next(
      (m) => m.topic === 'hearth/v1/robot-tls/status' && m.text.includes('offline'),
    );
    await dashboard.close();
    expect(JSON.stringify(logs.records)).not.toContain(passwords['robot-tls']);
  });

  it('does not connect to a broker whose certificate it cannot verify, nor log the password', async () => {
    const { transport, logs } = telemetryGraph();
    // No mqtt_ca_file: the system's CAs, which did not sign the test's server certificate.
    const telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: robotUrl(),
      robotId: 'robot-tls',
      outboxDir: 'memory',
      backoff: { initialMs: 50, maxMs: 100 },
    });
    const deadline = Date.now() + 10_000;
    while (!logs.records.some((r) => r.msg.includes('cannot reach MQTT broker'))) {
      if (Date.now() > deadline) throw new Error('no warning about the broker');
      await new Promise((r) => setTimeout(r, 50));
    }
    const warning = logs.records.find((r) => r.msg.includes('cannot reach MQTT broker'));
    expect(JSON.stringify(warning)).toMatch(/certificate/i);
    expect(JSON.stringify(warning)).toContain(`mqtts://robot-tls:***@127.0.0.1:${tlsPort}`);
    expect(telemetry.connected).toBe(false);
    await telemetry.dispose();
    expect(JSON.stringify(logs.records)).not.toContain(passwords['robot-tls']);
  });

  it('stops at start, naming the file, when mqtt_ca_file cannot be read', () => {
    const missing = join(root, 'no-such-ca.crt');
    const create = (): TelemetryNode =>
      new TelemetryNode(
        telemetryGraph().transport.createNode('telemetry', {
          parameterOverrides: { mqtt_ca_file: missing },
        }),
        { mqttUrl: robotUrl(), outboxDir: 'memory' },
      );
    expect(create).toThrow(MqttCaFileError);
    expect(create).toThrow(new RegExp(`mqtt_ca_file ${missing}: .*ENOENT`));
  });
});
