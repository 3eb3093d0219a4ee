import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../../errors.js';
import { formatStartupMarkdown } from './formatStartupMarkdown.js';
import { runStartupBench } from './runStartupBench.js';

export interface StartupBenchOptions {
  readonly runs: number;
  readonly out: string;
}

/**
 * `hearth bench startup` (`pnpm bench startup`): how long `hearth` takes to start with commands
 * loaded on use, against all loaded up front. Writes startup-<time>.json/.md and
 * startup-latest.json/.md into the results folder.
 */
export async function startupBenchCommand(
  options: StartupBenchOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new CliError(`--runs must be a whole number ≥ 1, got "${options.runs}".`);
  const report = await runStartupBench({
    runs: options.runs,
    log: (line) => err.write(`[bench startup] ${line}\n`),
  });
  await mkdir(options.out, { recursive: true });
  const base = `startup-${report.startedAt.replace(/[:.]/g, '-')}`;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = formatStartupMarkdown(report);
  const paths = { json: join(options.out, `${base}.json`), md: join(options.out, `${base}.md`) };
  await writeFile(paths.json, json);
  await writeFile(paths.md, markdown);
  await writeFile(join(options.out, 'startup-latest.json'), json);
  await writeFile(join(options.out, 'startup-latest.md'), markdown);
  out.write(markdown);
  out.write(`Results: ${paths.md} and ${paths.json}\n`);
  return 0;
}
