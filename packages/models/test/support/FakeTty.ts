import { Writable } from 'node:stream';

// CSI sequences: cursor moves, line clears, cursor show/hide; ESC 7 / ESC 8 save and restore.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g;

/**
 * A terminal stand-in: a stream that says it is a TTY of `columns` characters and keeps what is
 * written, so a progress bar's control sequences and redraws can be read back.
 */
export class FakeTty extends Writable {
  readonly isTTY = true;
  output = '';

  constructor(readonly columns: number) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.output += chunk.toString();
    done();
  }

  /** Each redraw's text: readline's cursorTo(0) (`ESC [1G`) starts one. */
  frames(): string[] {
    return this.output
      .split('\x1b[1G')
      .slice(1)
      .map((frame) => frame.replace(ANSI, '').replace(/\n$/, ''));
  }

  lastFrame(): string {
    return this.frames().at(-1) ?? '';
  }
}
