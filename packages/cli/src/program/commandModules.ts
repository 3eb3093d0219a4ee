import { runCommand } from '../errors.js';

/**
 * Where each command's code lives, loaded only when that command runs. The command modules pull
 * in node-llama-cpp, fastify, onnxruntime, better-sqlite3 and the like (seconds of CPU), so
 * importing them up front would make every `hearth` call, even `--help`, pay for all of them.
 */
export const commandModules = {
  start: () => import('../commands/start.js'),
  chat: () => import('../commands/chat.js'),
  modelsList: () => import('../commands/modelsList.js'),
  modelsPull: () => import('../commands/modelsPull.js'),
  modelsVerify: () => import('../commands/modelsVerify.js'),
  modelsMakeTest: () => import('../commands/models.js'),
  bench: () => import('../bench/benchCommand.js'),
  benchStartup: () => import('../bench/startup/startupBenchCommand.js'),
  wakeword: () => import('../commands/wakeword.js'),
  dashboard: () => import('../commands/dashboard.js'),
  nodes: () => import('../commands/runNodes.js'),
  eval: () => import('../commands/eval.js'),
  evalContext: () => import('../commands/evalContext.js'),
  data: () => import('../commands/data.js'),
  gesture: () => import('../commands/gesture.js'),
  safety: () => import('../commands/safety.js'),
  tts: () => import('../commands/tts.js'),
} as const;

export type CommandModuleName = keyof typeof commandModules;

/** Loads every command module: what start-up cost before commands were loaded lazily. */
export async function loadAllCommandModules(): Promise<void> {
  await Promise.all(Object.values(commandModules).map((load) => load()));
}

type CommandModule<N extends CommandModuleName> = Awaited<ReturnType<(typeof commandModules)[N]>>;

/**
 * A commander action's body: loads the command's module, then runs `body` with it as
 * runCommand does (one actionable line and an exit code on failure).
 */
export function runFrom<N extends CommandModuleName>(
  name: N,
  body: (module: CommandModule<N>) => Promise<number | void>,
): Promise<void> {
  // TypeScript widens commandModules[name] to the union of all loaders; for one N it is this.
  const load = commandModules[name] as () => Promise<CommandModule<N>>;
  return runCommand(async () => body(await load()));
}
