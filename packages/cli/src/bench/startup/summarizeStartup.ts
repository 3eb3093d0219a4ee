import { median } from '../median.js';
import type { StartupCaseResult, StartupMedians, StartupSample } from './startupTypes.js';

function medians(samples: readonly StartupSample[]): StartupMedians {
  return {
    wallMs: median(samples.map((sample) => sample.wallMs)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
  };
}

/** Medians of each variant's runs, and how many times the eager one takes the lazy one's. */
export function summarizeStartup(
  command: string,
  lazy: readonly StartupSample[],
  eager: readonly StartupSample[],
): StartupCaseResult {
  const lazyMedians = medians(lazy);
  const eagerMedians = medians(eager);
  return {
    command,
    lazy: lazyMedians,
    eager: eagerMedians,
    wallRatio: eagerMedians.wallMs / lazyMedians.wallMs,
    cpuRatio: eagerMedians.cpuMs / lazyMedians.cpuMs,
  };
}
