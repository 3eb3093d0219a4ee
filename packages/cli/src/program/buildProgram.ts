/**
 * The hearth command's declaration: every command, option and help text, and nothing else.
 * Each command's code is imported only when it runs (commandModules.ts), so `hearth --help`
 * and a quick command start in a fraction of the time loading everything would take. Keep
 * imports here and in the declare* files to commander, node: and this folder
 * (test/program.test.ts checks).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { declareEval, declareData } from './evalCommands.js';
import { declareBench, declareModels } from './modelCommands.js';
import { declareChat, declareNodes, declareStart } from './runtimeCommands.js';
import {
  declareDashboard,
  declareGesture,
  declareSafety,
  declareTts,
  declareWakeword,
} from './toolCommands.js';

/** @hearth/cli's version, from its package.json (two folders up from src/ and dist/ alike). */
function cliVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  );
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** A new `hearth` program; the order of the declarations is the order `--help` lists. */
export function buildProgram(): Command {
  const program = new Command('hearth')
    .description('Hearth: a ROS 2 runtime for robot companions that give emotional support')
    .version(cliVersion())
    .showHelpAfterError();
  declareStart(program);
  declareChat(program);
  declareModels(program);
  declareBench(program);
  declareWakeword(program);
  declareDashboard(program);
  declareNodes(program);
  declareEval(program);
  declareData(program);
  declareGesture(program);
  declareSafety(program);
  declareTts(program);
  return program;
}
