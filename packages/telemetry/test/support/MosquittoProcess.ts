/**
 * A mosquitto of the test's own, on a free port, that the test may stop and start again (the
 * shared one from global-setup must stay up for the other tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * Lets others traverse the folders between the system's temp folder and `dir`: mkdtemp makes
 * them 0700, and a mosquitto started as root drops to the `mosquitto` user, which could then
 * not reach its persistence file (it would run, but save nothing).
 */
function letOthersTraverse(dir: string): void {
  const top = tmpdir();
  for (let at = dirname(dir); relative(top, at) !== '' && !relative(top, at).startsWith('..');) {
    const mode = statSync(at).mode & 0o777;
    if ((mode & 0o001) === 0) chmodSync(at, mode | 0o711);
    at = dirname(at);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class MosquittoProcess {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly config: string,
  ) {}

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  /**
   * Writes `mosquitto.conf` in `dir` (a listener on a free port, then `extra` lines) and starts it.
   * Default extra: anonymous, with persistence in `dir` so sessions survive a restart. `port`:
   * the plain listener's port (default a free one), for a test that must know it beforehand.
   */
  static async start(
    dir: string,
    extra?: string,
    options: { port?: number } = {},
  ): Promise<MosquittoProcess> {
    const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p));
    if (!binary) throw new Error('mosquitto is not installed: run `npm run setup`');
    mkdirSync(dir, { recursive: true });
    // Started as root, mosquitto drops to the `mosquitto` user: let it read and write the folder.
    chmodSync(dir, 0o777);
    letOthersTraverse(dir);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    const port = options.port ?? (await freePort());
    const config = join(dir, 'mosquitto.conf');
    const body =
      extra ??
      [
        'allow_anonymous true',
        'persistence true',
        `persistence_location ${dir}/`,
        'autosave_interval 1',
      ].join('\n');
    writeFileSync(config, `listener ${port} 127.0.0.1\n${body}\n`);
    const broker = new MosquittoProcess(port, config);
    await broker.restart();
    return broker;
  }

  async restart(): Promise<void> {
    const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p))!;
    this.child = spawn(binary, ['-c', this.config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    this.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (await accepts(this.port)) return;
      if (this.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`mosquitto did not start on port ${this.port}: ${stderr}`);
  }

  /** Stops the broker (SIGTERM: it saves its sessions first, as a service manager's stop does). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /**
   * Kills the broker with SIGKILL, as a crash or the OOM killer would: no goodbye to clients and
   * nothing saved beyond its last autosave.
   */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
