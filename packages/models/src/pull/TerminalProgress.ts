import cliProgress from 'cli-progress';
import { formatBytes } from '../verify/formatBytes.js';
import type { DownloadProgress } from './DownloadProgress.js';

/**
 * A progress bar on a terminal (cli-progress). Quiet when the stream is not a TTY, so logs and
 * pipes get no control characters; the command prints its own summary line at the end.
 */
export class TerminalProgress implements DownloadProgress {
  private bar: cliProgress.SingleBar | undefined;
  /** When and where this connection started, for the speed shown. */
  private started = { at: 0, bytes: 0 };

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static enabledFor(stream: NodeJS.WriteStream): boolean {
    return stream.isTTY === true;
  }

  start(total: number | null, resumedFrom: number): void {
    if (!TerminalProgress.enabledFor(this.stream)) return;
    const resumed = resumedFrom > 0 ? ` (resumed at ${formatBytes(resumedFrom)})` : '';
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `${this.label}${resumed} [{bar}] {percentage}% {done} of {size} {speed}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const size = total ?? 0;
    this.started = { at: Date.now(), bytes: resumedFrom };
    this.bar.start(size, resumedFrom, this.payload(resumedFrom, size));
  }

  update(received: number): void {
    this.bar?.update(received, this.payload(received, this.bar.getTotal()));
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  private payload(received: number, total: number): Record<string, string> {
    const seconds = (Date.now() - this.started.at) / 1000;
    const rate = seconds > 0 ? (received - this.started.bytes) / seconds : 0;
    return {
      done: formatBytes(received),
      size: total > 0 ? formatBytes(total) : '?',
      speed: `${formatBytes(rate)}/s`,
    };
  }
}
