import { describe, expect, it } from '@jest/globals';
import { formatStartupMarkdown } from '../../src/bench/startup/formatStartupMarkdown.js';
import { summarizeStartup } from '../../src/bench/startup/summarizeStartup.js';
import type { StartupReport } from '../../src/bench/startup/startupTypes.js';

describe('the start-up benchmark report', () => {
  it('takes the median of each variant and divides eager by lazy', () => {
    const lazy = [
      { wallMs: 300, cpuMs: 200 },
      { wallMs: 900, cpuMs: 250 },
      { wallMs: 250, cpuMs: 220 },
    ];
    const eager = [
      { wallMs: 3000, cpuMs: 2200 },
      { wallMs: 2400, cpuMs: 2000 },
      { wallMs: 2500, cpuMs: 2600 },
    ];
    expect(summarizeStartup('--version', lazy, eager)).toEqual({
      command: '--version',
      lazy: { wallMs: 300, cpuMs: 220 },
      eager: { wallMs: 2500, cpuMs: 2200 },
      wallRatio: 2500 / 300,
      cpuRatio: 10,
    });
  });

  it('prints one table row per command', () => {
    const report: StartupReport = {
      startedAt: '2026-01-01T00:00:00.000Z',
      durationS: 60,
      runs: 10,
      node: 'v20.20.2',
      cpus: 2,
      cpuModel: 'Test CPU',
      loadAverage: { before: 1, after: 1.5 },
      cases: [
        summarizeStartup(
          'safety screen',
          [{ wallMs: 400, cpuMs: 300 }],
          [{ wallMs: 2000, cpuMs: 2400 }],
        ),
      ],
    };
    const markdown = formatStartupMarkdown(report);
    expect(markdown).toContain('10 runs of each');
    expect(markdown).toContain(
      '| `hearth safety screen` | 2000 ms | 2400 ms | 400 ms | 300 ms | 5.0× | 8.0× |',
    );
  });
});
