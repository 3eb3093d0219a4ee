import cliProgress from 'cli-progress';
import type { DownloadProgress } from './DownloadProgress.js';
import { formatProgressLine } from './progressLine.js';

/** Redraws per second: enough to look live, few enough to cost nothing on a slow terminal. */
const FPS = 10;

/**
 * A progress bar on a terminal: cli-progress draws it (throttled redraws, cursor hidden, a
 * newline when it stops), `formatProgressLine` says what it shows. Quiet when the stream is not
 * a TTY, so logs and pipes get no control characters; the command prints its own summary line
 * at the end.
 */
export class TerminalProgress implements DownloadProgress {
  private bar: cliProgress.SingleBar | undefined;
  /** This connection's total (null: unknown) and first byte, for the percent, rate and ETA. */
  private connection: { total: number | null; resumedFrom: number } = {
    total: null,
    resumedFrom: 0,
  };

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static enabledFor(stream: NodeJS.WriteStream): boolean {
    return stream.isTTY === true;
  }

  start(total: number | null, resumedFrom: number): void {
    if (!TerminalProgress.enabledFor(this.stream)) return;
    // A reconnection within one pull starts a new bar; the last one ends its line first.
    this.stop();
    this.connection = { total, resumedFrom };
    this.bar = new cliProgress.SingleBar({
      stream: this.stream,
      fps: FPS,
      hideCursor: true,
      clearOnComplete: false,
      format: (_options, params) =>
        formatProgressLine({
          label: this.label,
          received: params.value,
          total: this.connection.total,
          resumedFrom: this.connection.resumedFrom,
          elapsedSeconds: ((params.stopTime ?? Date.now()) - params.startTime) / 1000,
          columns: params.maxWidth,
        }),
    });
    this.bar.start(total ?? 0, resumedFrom);
  }

  update(received: number): void {
    this.bar?.update(received);
  }

  /** Draws the last state and ends the line, so what is printed next starts on its own. */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
