import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Writable } from 'node:stream';
import { TerminalProgress, formatEta, formatProgressLine } from '../src/index.js';
import { FakeTty } from './support/FakeTty.js';

const MB = 1_000_000;

/** The bar's filled and total cells. */
function barOf(frame: string): { filled: number; width: number } {
  const [, filled = '', empty = ''] = /\[(█*)(░*)\]/.exec(frame) ?? [];
  return { filled: filled.length, width: filled.length + empty.length };
}

function progressOn(stream: Writable, label = 'qwen2.5-0.5b-instruct'): TerminalProgress {
  return new TerminalProgress(label, stream as unknown as NodeJS.WriteStream);
}

describe('TerminalProgress on a terminal', () => {
  // cli-progress redraws from a timer and reads Date.now: fake timers make both exact.
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows percent, bytes, rate and time left within the width, and ends with a newline', () => {
    const tty = new FakeTty(100);
    const progress = progressOn(tty);
    progress.start(10 * MB, 0);
    expect(tty.output).toContain('\x1b[?25l'); // cursor hidden while drawing
    expect(tty.lastFrame()).toMatch(
      /^qwen2\.5-0\.5b-instruct \[░+\]\s+0%\s+0 B of 10\.0 MB\s+-- B\/s ETA --:--$/,
    );

    progress.update(4 * MB);
    jest.advanceTimersByTime(2000);
    expect(tty.lastFrame()).toMatch(/\] {2}40% 4\.00 MB of 10\.0 MB 2\.00 MB\/s ETA {2}0:03$/);
    const width = barOf(tty.lastFrame()).width;
    expect(barOf(tty.lastFrame()).filled).toBe(Math.round(width * 0.4));

    progress.update(10 * MB);
    jest.advanceTimersByTime(500);
    progress.stop();
    expect(tty.lastFrame()).toMatch(/\] 100% 10\.0 MB of 10\.0 MB 4\.00 MB\/s ETA {2}0:00$/);
    expect(barOf(tty.lastFrame())).toEqual({ filled: width, width });
    // Cursor shown, line wrapping back on, cursor restored, then the line ends.
    expect(tty.output.endsWith('\x1b[?25h\x1b[?7h\x1b8\n')).toBe(true);
    for (const frame of tty.frames()) {
      expect(frame.length).toBeLessThan(100);
      expect(barOf(frame).width).toBe(width); // the bar does not jump as numbers change
    }

    // Stopped means stopped: no timer left to draw again.
    const length = tty.output.length;
    jest.advanceTimersByTime(1000);
    expect(tty.output).toHaveLength(length);
  });

  it('starts a resumed download mid-way and counts only the new bytes as speed', () => {
    const tty = new FakeTty(120);
    const progress = progressOn(tty);
    progress.start(10 * MB, 6 * MB);
    expect(tty.lastFrame()).toMatch(
      /^qwen2\.5-0\.5b-instruct \(resumed at 6\.00 MB\) \[█+░+\] {2}60% 6\.00 MB of 10\.0 MB/,
    );
    const { filled, width } = barOf(tty.lastFrame());
    expect(filled).toBe(Math.round(width * 0.6));
    progress.update(7 * MB);
    jest.advanceTimersByTime(1000);
    expect(tty.lastFrame()).toMatch(/ 70% 7\.00 MB of 10\.0 MB 1\.00 MB\/s ETA {2}0:03$/);
    progress.stop();
    expect(tty.output.endsWith('\n')).toBe(true);
  });

  it('redraws at most about ten times a second however often it is updated', () => {
    const tty = new FakeTty(100);
    const progress = progressOn(tty);
    progress.start(10 * MB, 0);
    for (let ms = 1; ms <= 1000; ms += 1) {
      progress.update(ms * 10_000);
      jest.advanceTimersByTime(1);
    }
    progress.stop();
    const frames = tty.frames().length;
    expect(frames).toBeGreaterThanOrEqual(5);
    expect(frames).toBeLessThanOrEqual(13);
  });

  it('fits a narrow terminal: the bar goes, then the label is cut, the numbers stay', () => {
    const tty = new FakeTty(60);
    const progress = progressOn(tty, 'phi-3-mini-4k-instruct (LoRA adapter empathy)');
    progress.start(2_390 * MB, 0);
    progress.update(239 * MB);
    jest.advanceTimersByTime(10_000);
    progress.stop();
    const last = tty.lastFrame();
    expect(last).not.toContain('[');
    expect(last).toMatch(/^phi-3.*… {2}10% {2}239 MB of 2\.39 GB 23\.9 MB\/s ETA {2}1:30$/);
    for (const frame of tty.frames()) expect(frame.length).toBeLessThanOrEqual(59);
  });

  it('shows bytes and rate without a bar when the size is unknown', () => {
    const tty = new FakeTty(80);
    const progress = progressOn(tty);
    progress.start(null, 0);
    progress.update(3 * MB);
    jest.advanceTimersByTime(1000);
    progress.stop();
    expect(tty.lastFrame()).toBe('qwen2.5-0.5b-instruct 3.00 MB 3.00 MB/s');
  });

  it('ends the last line before a reconnection draws a new one', () => {
    const tty = new FakeTty(100);
    const progress = progressOn(tty);
    progress.start(10 * MB, 0);
    progress.update(5 * MB);
    jest.advanceTimersByTime(1000);
    progress.start(10 * MB, 5 * MB);
    // The first bar's last frame, then its newline, then the second bar saves the cursor.
    const [first = '', second = ''] = tty.output.split('\n\x1b7');
    expect(first.split('\x1b[1G').at(-1)).toContain(' 50% 5.00 MB of 10.0 MB');
    expect(second).toContain('(resumed at 5.00 MB)');
    expect(tty.lastFrame()).toContain('(resumed at 5.00 MB)');
    progress.stop();
  });

  it('writes nothing at all to a stream that is not a terminal', () => {
    let written = '';
    const pipe = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    expect(TerminalProgress.enabledFor(pipe as unknown as NodeJS.WriteStream)).toBe(false);
    const progress = progressOn(pipe);
    progress.start(10 * MB, 2 * MB);
    progress.update(5 * MB);
    jest.advanceTimersByTime(5000);
    progress.stop();
    expect(written).toBe('');
  });
});

describe('the progress line', () => {
  it('formats the time left as m:ss or h:mm:ss, unknown as --:--', () => {
    expect(formatEta(0)).toBe('0:00');
    expect(formatEta(41.2)).toBe('0:42');
    expect(formatEta(725)).toBe('12:05');
    expect(formatEta(3723)).toBe('1:02:03');
    expect(formatEta(null)).toBe('--:--');
    expect(formatEta(Infinity)).toBe('--:--');
  });

  it('never exceeds the width, however narrow', () => {
    for (const columns of [1, 10, 30, 45, 80, 200]) {
      const line = formatProgressLine({
        label: 'a-rather-long-model-name-for-a-narrow-terminal',
        received: 123 * MB,
        total: 4_370 * MB,
        resumedFrom: 100 * MB,
        elapsedSeconds: 12,
        columns,
      });
      expect(line.length).toBeLessThanOrEqual(Math.max(1, columns - 1));
    }
  });
});
