import type { LoggingApi } from '../RclnodejsApi.js';

export interface FakeLogLine {
  readonly logger: string;
  readonly severity: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly message: string;
}

/** rclnodejs's Logging: one logger per node, each call returns whether it was logged. */
export class FakeLogging implements LoggingApi {
  constructor(
    readonly name: string,
    private readonly sink: FakeLogLine[],
  ) {}

  debug(message: string): boolean {
    return this.log('debug', message);
  }
  info(message: string): boolean {
    return this.log('info', message);
  }
  warn(message: string): boolean {
    return this.log('warn', message);
  }
  error(message: string): boolean {
    return this.log('error', message);
  }
  fatal(message: string): boolean {
    return this.log('fatal', message);
  }

  private log(severity: FakeLogLine['severity'], message: string): boolean {
    this.sink.push({ logger: this.name, severity, message });
    return true;
  }
}
