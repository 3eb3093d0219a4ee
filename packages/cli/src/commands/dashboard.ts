/**
 * `hearth dashboard`: the care dashboard on its own (a caregiver's machine or a server), with its
 * SQLite store; and `hearth dashboard add-user`, which creates an account. Passwords are read
 * from the terminal without echo, or from the first line of stdin when it is not a terminal;
 * never from an argument, which would land in the shell's history and the process list.
 */
import { createHash } from 'node:crypto';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  SqliteDashboardStore,
  addUser,
  isRole,
  startDashboard,
  DEFAULT_DASHBOARD_PORT,
} from '@hearth/dashboard';
import { redactUrl } from '@hearth/telemetry';
import { CliError } from '../errors.js';
import { untilInterrupted } from './services.js';

export interface DashboardOptions {
  mqtt: string;
  port: number;
  host: string;
  db?: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
  publicUrl?: string;
  /** The MQTT client id of the dashboard's persistent session; default dashboardClientId(db). */
  mqttClientId?: string;
}

export interface AddUserOptions {
  role: string;
  /** Comma-separated robot ids a caregiver may see; default all. */
  robots?: string;
  db?: string;
}

/** `<XDG_DATA_HOME or ~/.local/share>/hearth/dashboard.sqlite`. */
export function defaultDashboardDb(): string {
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'hearth', 'dashboard.sqlite');
}

/**
 * A client id stable across restarts of this dashboard (same host, same database), so the broker
 * keeps its persistent session and queues the robots' QoS 1 telemetry while the dashboard or the
 * broker restarts; two dashboards with different databases get different ids.
 */
export function dashboardClientId(dbFile: string): string {
  const digest = createHash('sha256').update(resolve(dbFile)).digest('hex').slice(0, 10);
  return `hearth-dashboard-${hostname()}-${digest}`.slice(0, 64);
}

export async function dashboardCommand(
  options: DashboardOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const file = options.db ?? defaultDashboardDb();
  const store = new SqliteDashboardStore({ file });
  try {
    const dashboard = await startDashboard({
      mqttUrl: options.mqtt,
      host: options.host,
      port: options.port ?? DEFAULT_DASHBOARD_PORT,
      store,
      secureCookies: options.secureCookies ?? false,
      trustProxy: options.trustProxy ?? false,
      publicUrl: options.publicUrl,
      mqttClientId: options.mqttClientId ?? dashboardClientId(file),
    });
    out.write(
      [
        `Care dashboard: ${dashboard.url}`,
        `  MQTT broker: ${redactUrl(options.mqtt)}`,
        `  database:    ${file}`,
        dashboard.developmentMode
          ? '  development mode: no users yet, so no login and only on this computer.\n' +
            '  Add one: hearth dashboard add-user NAME --role admin'
          : '  caregivers log in with their accounts',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await untilInterrupted();
    await dashboard.close();
    return 0;
  } finally {
    store.dispose();
  }
}

export async function addUserCommand(
  name: string,
  options: AddUserOptions,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  if (!isRole(options.role))
    throw new CliError(`--role must be caregiver or admin, got "${options.role}"`);
  const password = input.isTTY
    ? await askTwice(input, out)
    : await readFirstLine(input, 'the password on the first line of stdin');
  const file = options.db ?? defaultDashboardDb();
  const store = new SqliteDashboardStore({ file });
  const robots = options.robots
    ?.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  try {
    await addUser(store, name, password, options.role, robots?.length ? robots : undefined);
  } finally {
    store.dispose();
  }
  const seen = robots?.length ? ` (robots: ${robots.join(', ')})` : '';
  out.write(`Added ${options.role} ${name}${seen} to ${file}.\n`);
  return 0;
}

async function askTwice(input: NodeJS.ReadableStream, out: NodeJS.WritableStream): Promise<string> {
  const first = await askHidden(input, out, 'Password: ');
  const second = await askHidden(input, out, 'Again: ');
  if (first !== second) throw new CliError('the two passwords differ; run the command again');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function askHidden(
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  out.write(prompt);
  const rl = createInterface({ input, output: out, terminal: true });
  // Echo nothing the person types (readline writes typed characters through this method).
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      out.write('\n');
      resolve(answer);
    }),
  );
}

function readFirstLine(input: NodeJS.ReadableStream, what: string): Promise<string> {
  const rl = createInterface({ input, terminal: false });
  return new Promise((resolve, reject) => {
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) reject(new CliError(`expected ${what}; got nothing`));
    });
  });
}
