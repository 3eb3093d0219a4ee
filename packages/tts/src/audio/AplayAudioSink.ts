import { spawn, type ChildProcess } from 'node:child_process';
import { pcmBytes } from '@hearth/audio';
import { AplayFailedError } from '../errors/AplayFailedError.js';
import { AplayNotFoundError } from '../errors/AplayNotFoundError.js';
import type { AudioClip, AudioSink, PlaybackResult, PlayOptions } from './AudioSink.js';

export interface AplayAudioSinkOptions {
  /** The aplay executable: a path, or a name looked up on PATH. Default `aplay`. */
  readonly binaryPath?: string;
  /** ALSA device (`aplay -D`), read per clip; '' plays on the default device. */
  readonly device?: () => string;
  /** Give up when aplay has not started playing within this long (a busy device blocks). */
  readonly startTimeoutMs?: number;
}

/**
 * The line aplay writes to stderr once it has opened the device and is about to read the audio
 * ("Playing raw data 'stdin' : Signed 16 bit Little Endian, Rate 22050 Hz, Mono"). Writes into
 * its stdin say nothing about playback (the pipe buffers a second or more), so this line is the
 * first sign that the audio is really being consumed.
 */
const PLAYING_LINE = /^Playing /mu;
const MAX_STDERR_CHARS = 2000;
const DEFAULT_START_TIMEOUT_MS = 5000;

/**
 * `audio_output: alsa`: plays each clip through `aplay` (raw 16-bit mono PCM on stdin). `onStart`
 * fires when aplay starts consuming the audio, not when it was spawned, and marks are timed from
 * that moment, so word and viseme events follow what is heard. A cancel kills aplay (SIGKILL:
 * the rest of its buffer must not be heard) and resolves at once with how far playback got.
 */
export class AplayAudioSink implements AudioSink {
  private readonly binaryPath: string;
  private readonly device: () => string;
  private readonly startTimeoutMs: number;
  /** Each clip playing, and how to stop it. */
  private readonly active = new Map<ChildProcess, () => void>();

  constructor(options: AplayAudioSinkOptions = {}) {
    this.binaryPath = options.binaryPath ?? 'aplay';
    this.device = options.device ?? (() => '');
    this.startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  }

  play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult> {
    if (options.signal.aborted) return Promise.resolve({ completed: false, positionMs: 0 });
    const device = this.device();
    const args = [
      '-t',
      'raw',
      '-f',
      'S16_LE',
      '-r',
      String(clip.audio.sampleRate),
      '-c',
      '1',
      ...(device ? ['-D', device] : []),
      '-',
    ];
    const marks = options.marks ?? [];
    return new Promise((resolve, reject) => {
      const child = spawn(this.binaryPath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      const timers: NodeJS.Timeout[] = [];
      let startedAt: number | undefined;
      let nextMark = 0;
      let stderr = '';
      let settled = false;
      const positionMs = (): number =>
        startedAt === undefined ? 0 : Math.min(clip.durationMs, performance.now() - startedAt);
      const fireMark = (index: number): void => {
        // Marks fire in order and once, whether from their timer or at the end.
        while (nextMark <= index) options.onMark?.(nextMark++);
      };
      const started = (): void => {
        if (startedAt !== undefined) return;
        startedAt = performance.now();
        clearTimeout(startTimer);
        options.onStart?.();
        marks.forEach((offsetMs, index) => {
          timers.push(setTimeout(() => fireMark(index), Math.max(0, offsetMs)));
        });
      };
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(startTimer);
        for (const timer of timers) clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        this.active.delete(child);
        outcome();
      };
      const onAbort = (): void => {
        const position = positionMs();
        child.kill('SIGKILL');
        settle(() => resolve({ completed: false, positionMs: position }));
      };
      const startTimer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(() =>
          reject(
            new AplayFailedError(
              device,
              `it did not start playing within ${this.startTimeoutMs} ms (is the device in use?)`,
            ),
          ),
        );
      }, this.startTimeoutMs);
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.active.set(child, onAbort);

      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString('utf8');
        if (PLAYING_LINE.test(stderr)) started();
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        settle(() =>
          reject(
            error.code === 'ENOENT' || error.code === 'EACCES'
              ? new AplayNotFoundError(this.binaryPath)
              : error,
          ),
        );
      });
      child.on('close', (code, signal) => {
        if (code === 0) {
          // aplay drains the device before it exits: everything has been heard.
          started();
          fireMark(marks.length - 1);
          settle(() => resolve({ completed: true, positionMs: clip.durationMs }));
          return;
        }
        const reason =
          stderr
            .split('\n')
            .filter((line) => line.trim() && !PLAYING_LINE.test(line))
            .pop()
            ?.trim() ?? `aplay exited with ${signal ?? `code ${String(code)}`}`;
        settle(() => reject(new AplayFailedError(device, reason)));
      });
      // EPIPE when aplay exits early is reported through `close`.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(pcmBytes(clip.audio.samples));
    });
  }

  /** Stops every clip still playing. */
  dispose(): void {
    for (const stop of [...this.active.values()]) stop();
  }
}
