import { formatBytes } from '../verify/formatBytes.js';

/** One connection's state, as the progress line shows it. */
export interface ProgressLineState {
  readonly label: string;
  /** Bytes on disk now, counting those from before a resume. */
  readonly received: number;
  /** The whole file's size, or null when the server did not say. */
  readonly total: number | null;
  /** Bytes already on disk when this connection started (0 for a fresh download). */
  readonly resumedFrom: number;
  /** Seconds since this connection started. */
  readonly elapsedSeconds: number;
  /** The terminal's width in characters. */
  readonly columns: number;
}

const MAX_BAR = 40;
const MIN_BAR = 10;

/** `0:42`, `12:05`, `1:02:03`; `--:--` when unknown (no rate yet, or no size). */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function bar(fraction: number, width: number): string {
  const done = Math.round(fraction * width);
  return `[${'█'.repeat(done)}${'░'.repeat(width - done)}]`;
}

/**
 * The download's line for a terminal of `columns` characters: label, bar, percent, bytes, rate
 * and time left. The rate counts only this connection's bytes, so a resume does not report the
 * bytes already on disk as speed. The bar shrinks to fit, then goes; then the label is cut, so
 * the numbers stay readable on a narrow terminal and the line never wraps.
 */
export function formatProgressLine(state: ProgressLineState): string {
  const { label, received, total, resumedFrom, elapsedSeconds, columns } = state;
  const rate = elapsedSeconds > 0 ? (received - resumedFrom) / elapsedSeconds : 0;
  // Fields padded to their widest, so the bar keeps its width from one redraw to the next.
  const speed = (rate > 0 ? `${formatBytes(rate)}/s` : '-- B/s').padStart(9);
  const done = formatBytes(received).padStart(7);
  const known = total !== null && total > 0;
  const fraction = known ? Math.min(1, received / total) : 0;
  const eta = known && rate > 0 ? Math.max(0, total - received) / rate : null;
  const numbers = known
    ? `${`${Math.floor(fraction * 100)}%`.padStart(4)} ${done} of ${formatBytes(total)} ${speed} ETA ${formatEta(eta).padStart(5)}`
    : `${done} ${speed}`;
  const head = resumedFrom > 0 ? `${label} (resumed at ${formatBytes(resumedFrom)})` : label;

  // One column is left free: writing the last column makes some terminals wrap.
  const room = Math.max(1, columns - 1);
  if (known) {
    const barWidth = Math.min(MAX_BAR, room - head.length - numbers.length - 4);
    if (barWidth >= MIN_BAR) return `${head} ${bar(fraction, barWidth)} ${numbers}`;
  }
  const line = `${head} ${numbers}`;
  if (line.length <= room) return line;
  const headRoom = room - numbers.length - 2;
  if (headRoom <= 0) return numbers.slice(0, room);
  return `${head.slice(0, headRoom)}… ${numbers}`;
}
