/**
 * `hearth dashboard`: the care dashboard on its own (a caregiver's machine or a server), with its
 * SQLite store; and `hearth dashboard add-user`, which creates an account. Passwords are read
 * from the terminal without echo, or from the first line of stdin when it is not a terminal;
 * never from an argument, which would land in the shell's history and the process list.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  SqliteDashboardStore,
  addUser,
  isRole,
  startDashboard,
  DEFAULT_DASHBOARD_PORT,
} from '@hearth/dashboard';
import { CliError } from '../errors.js';
import { untilInterrupted } from './services.js';

export interface DashboardOptions {
  mqtt: string;
  port: number;
  host: string;
  db?: string;
  secureCookies?: boolean;
}

export interface AddUserOptions {
  role: string;
  db?: string;
}

/** `<XDG_DATA_HOME or ~/.local/share>/hearth/dashboard.sqlite`. */
export function defaultDashboardDb(): string {
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'hearth', 'dashboard.sqlite');
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
    });
    out.write(
      [
        `Care dashboard: ${dashboard.url}`,
        `  MQTT broker: ${options.mqtt}`,
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
  try {
    await addUser(store, name, password, options.role);
  } finally {
    store.dispose();
  }
  out.write(`Added ${options.role} ${name} to ${file}.\n`);
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
