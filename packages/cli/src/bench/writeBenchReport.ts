import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './benchTypes.js';
import { formatBenchMarkdown } from './formatBenchMarkdown.js';

/**
 * Writes the report as JSON and markdown into `dir`, named by shape and start time, and as
 * `latest.json` / `latest.md`. Returns the dated paths.
 */
export async function writeBenchReport(
  report: BenchReport,
  dir: string,
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const base = `bench-${report.settings.shape}-${report.settings.quantization}-${stamp}`;
  const json = JSON.stringify(report, null, 2) + '\n';
  const markdown = formatBenchMarkdown(report);
  const paths = { json: join(dir, `${base}.json`), markdown: join(dir, `${base}.md`) };
  await writeFile(paths.json, json);
  await writeFile(paths.markdown, markdown);
  await writeFile(join(dir, 'latest.json'), json);
  await writeFile(join(dir, 'latest.md'), markdown);
  return paths;
}
