import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { summarizeStartup } from './summarizeStartup.js';
import {
  CPU_REPORT_PREFIX,
  type StartupReport,
  type StartupSample,
  type StartupVariant,
} from './startupTypes.js';

/** A command to time: its arguments and what it reads on stdin (it must exit by itself). */
export interface StartupCase {
  readonly args: readonly string[];
  readonly input: string;
}

/** A command that only parses (`--version`) and one that loads one light command. */
export const defaultStartupCases: readonly StartupCase[] = [
  { args: ['--version'], input: '' },
  { args: ['safety', 'screen'], input: 'I had a long day\n' },
];

export interface RunStartupBenchOptions {
  readonly runs: number;
  readonly cases?: readonly StartupCase[];
  readonly log: (line: string) => void;
}

/** The built files, beside this one in dist/ (the benchmark times the real `hearth`). */
const mainScript = fileURLToPath(new URL('../../main.js', import.meta.url));
const cpuHook = new URL('./reportCpuAtExit.js', import.meta.url).href;
const eagerHook = new URL('./loadAllCommands.js', import.meta.url).href;

export class StartupRunFailedError extends Error {
  constructor(command: string, code: number | null, stderr: string) {
    super(
      `\`hearth ${command}\` exited with ${code} during the start-up benchmark; build first ` +
        `(\`pnpm exec tsc -b packages/cli\`) and check that it runs alone. Its stderr:\n${stderr}`,
    );
    this.name = 'StartupRunFailedError';
  }
}

function runOnce(variant: StartupVariant, startupCase: StartupCase): Promise<StartupSample> {
  const hooks = ['--import', cpuHook, ...(variant === 'eager' ? ['--import', eagerHook] : [])];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...hooks, mainScript, ...startupCase.args], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      const report = new RegExp(`^${CPU_REPORT_PREFIX} (\\d+)$`, 'm').exec(stderr);
      if (code !== 0 || !report)
        return reject(new StartupRunFailedError(startupCase.args.join(' '), code, stderr));
      resolve({ wallMs, cpuMs: Number(report[1]) / 1000 });
    });
    child.stdin.end(startupCase.input);
  });
}

/**
 * Times `hearth` start-up with commands loaded on use and with all of them loaded first, in
 * the same run: runs alternate between the two, so a busy machine slows both alike.
 */
export async function runStartupBench(options: RunStartupBenchOptions): Promise<StartupReport> {
  const cases = options.cases ?? defaultStartupCases;
  const startedAt = new Date();
  const before = loadavg()[0] ?? 0;
  const samples = cases.map((startupCase) => ({
    startupCase,
    lazy: [] as StartupSample[],
    eager: [] as StartupSample[],
  }));
  for (let run = 0; run < options.runs; run += 1) {
    options.log(`run ${run + 1} of ${options.runs}`);
    for (const caseSamples of samples) {
      const order: StartupVariant[] = run % 2 === 0 ? ['lazy', 'eager'] : ['eager', 'lazy'];
      for (const variant of order)
        caseSamples[variant].push(await runOnce(variant, caseSamples.startupCase));
    }
  }
  const cpuList = cpus();
  return {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    runs: options.runs,
    node: process.version,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    loadAverage: { before, after: loadavg()[0] ?? 0 },
    cases: samples.map(({ startupCase, lazy, eager }) =>
      summarizeStartup(startupCase.args.join(' '), lazy, eager),
    ),
  };
}
