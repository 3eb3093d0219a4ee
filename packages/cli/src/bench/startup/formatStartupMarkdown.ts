import type { StartupReport } from './startupTypes.js';

const ms = (value: number): string => `${Math.round(value)} ms`;

/** The start-up report as markdown: one row per command, medians and ratios. */
export function formatStartupMarkdown(report: StartupReport): string {
  const rows = report.cases.map(
    (result) =>
      `| \`hearth ${result.command}\` | ${ms(result.eager.wallMs)} | ${ms(result.eager.cpuMs)} | ` +
      `${ms(result.lazy.wallMs)} | ${ms(result.lazy.cpuMs)} | ` +
      `${result.wallRatio.toFixed(1)}× | ${result.cpuRatio.toFixed(1)}× |`,
  );
  return [
    `# hearth start-up, ${report.startedAt}`,
    '',
    `Node ${report.node}, ${report.cpus} × ${report.cpuModel}; load average ` +
      `${report.loadAverage.before.toFixed(2)} before, ${report.loadAverage.after.toFixed(2)} after; ` +
      `${report.runs} runs of each, alternating; medians.`,
    '',
    '| command | all commands loaded: wall | CPU | on use (hearth): wall | CPU | wall ratio | CPU ratio |',
    '| ------- | ------------------------: | --: | --------------------: | --: | ---------: | --------: |',
    ...rows,
    '',
  ].join('\n');
}
