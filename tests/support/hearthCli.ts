/**
 * Runs the built `hearth` command as a user would. `npm test` builds (tsc -b) before jest runs,
 * so dist/ is current; a clear error says so when it is missing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const hearthMain = fileURLToPath(
  new URL('../../packages/cli/dist/main.js', import.meta.url),
);

/**
 * Each run gets a HOME (and XDG data folder) of its own, so state Hearth keeps there (the
 * telemetry outbox, the model cache, the dashboard's database) never leaks from one test, or one
 * CI run, into the next.
 */
function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'hearth-home-'));
  return {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    HEARTH_LOG_LEVEL: 'warn',
    ...extra,
  };
}

function assertBuilt(): void {
  if (!existsSync(hearthMain)) {
    throw new Error(
      `${hearthMain} is missing: run \`pnpm exec tsc -b\` (npm test does) before these tests.`,
    );
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hearth ARGS` with `input` on stdin and waits for it to exit. */
export function runHearth(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hearthMain, ...args], {
      cwd: repoRoot,
      env: isolatedEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `hearth ${args.join(' ')} did not exit within ${options.timeoutMs} ms.\nstderr:\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A long-running `hearth` the test stops with interrupt(child); stdout/stderr so far. */
export interface RunningHearth {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
}

/** Starts a long-running `hearth ARGS` (e.g. start) and resolves once `ready` matches its stdout. */
export function startHearth(
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<RunningHearth> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hearthMain, ...args], {
      cwd: repoRoot,
      env: isolatedEnv(),
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `hearth ${args.join(' ')} was not ready within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (ready.test(stdout)) {
        clearTimeout(timer);
        resolve({ child, stdout: () => stdout, stderr: () => stderr });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `hearth ${args.join(' ')} exited (${code}) before it was ready.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    });
  });
}

/**
 * `hearth start --model MODEL` on free ports (robot, dashboard, MQTT: 0 lets the OS pick, so
 * parallel tests never collide) with its audio in `audioDir`, resolved once it says it is running.
 */
export function startSimulator(options: {
  model: string;
  audioDir: string;
  extraArgs?: readonly string[];
}): Promise<RunningHearth> {
  return startHearth(
    [
      'start',
      '--model',
      options.model,
      '--port',
      '0',
      '--dashboard-port',
      '0',
      '--mqtt-port',
      '0',
      '--audio-dir',
      options.audioDir,
      ...(options.extraArgs ?? []),
    ],
    /Press Ctrl-C to stop/,
  );
}

/** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
export function interrupt(
  child: ChildProcessWithoutNullStreams,
  timeoutMs = 20_000,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hearth did not stop within ${timeoutMs} ms of Ctrl-C`));
    }, timeoutMs);
    child.removeAllListeners('exit');
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGINT');
  });
}
