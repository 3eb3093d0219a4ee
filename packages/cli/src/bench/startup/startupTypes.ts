/** The line reportCpuAtExit.ts ends a benchmarked run's stderr with: `<prefix> <microseconds>`. */
export const CPU_REPORT_PREFIX = 'hearth-bench-cpu-us';

/** One `hearth` start-up: wall time from spawn to exit, and the CPU time the process used. */
export interface StartupSample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** How the command modules are loaded: on use (as `hearth` does) or all before parsing. */
export type StartupVariant = 'lazy' | 'eager';

export interface StartupMedians {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface StartupCaseResult {
  /** The arguments after `hearth`, e.g. `--version`. */
  readonly command: string;
  readonly lazy: StartupMedians;
  readonly eager: StartupMedians;
  /** eager ÷ lazy: how many times longer start-up takes when every command is loaded. */
  readonly wallRatio: number;
  readonly cpuRatio: number;
}

export interface StartupReport {
  readonly startedAt: string;
  readonly durationS: number;
  readonly runs: number;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly cases: readonly StartupCaseResult[];
}
