// Starts the services the test suite needs and shares their addresses through the
// environment (jest workers inherit it). Today: a real mosquitto broker on a free port, so
// telemetry is tested against a production broker as well as the embedded aedes one.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs) {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export default async function globalSetup() {
  const { existsSync } = await import('node:fs');
  const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p));
  if (!binary) {
    process.stderr.write(
      '[hearth tests] mosquitto not installed: mosquitto tests will fail. Run `npm run setup`.\n',
    );
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  const child = spawn(binary, ['-c', conf], { stdio: 'ignore', detached: false });
  globalThis.__HEARTH_MOSQUITTO__ = child;
  if (!(await waitForPort(port, 5000))) {
    child.kill();
    throw new Error(`mosquitto did not start on port ${port}`);
  }
  process.env.HEARTH_TEST_MOSQUITTO_URL = `mqtt://127.0.0.1:${port}`;
}
