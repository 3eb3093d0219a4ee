import type { LogLevel } from '../api.js';

/** One structured log line, as pino wrote it. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly node: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/**
 * Collects log lines in memory instead of writing them to stderr, so tests can assert on what a
 * node logged (`createInProcessTransport({ logger: { capture } })`).
 */
export class LogCapture {
  readonly records: LogRecord[] = [];

  /** Lines logged by one node, optionally at one level. */
  linesOf(node: string, level?: LogLevel): LogRecord[] {
    return this.records.filter(
      (r) => r.node === node && (level === undefined || r.level === level),
    );
  }

  /** pino's destination stream interface: one JSON line per write. */
  write(line: string): void {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null) {
      this.records.push(parsed as LogRecord);
    }
  }

  clear(): void {
    this.records.length = 0;
  }
}
