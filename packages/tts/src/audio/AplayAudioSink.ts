import { spawn, type ChildProcess } from 'node:child_process';
import { pcmBytes } from '@hearth/audio';
import { AplayFailedError } from '../errors/AplayFailedError.js';
import { AplayNotFoundError } from '../errors/AplayNotFoundError.js';
import type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './AudioSink.js';
import type { AudioStream } from './AudioStream.js';
import { consumeStream } from './consumeStream.js';
import { MarkClock } from './MarkClock.js';

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

/** What one aplay run is fed: how it learns marks and how its stdin is written. */
interface AplayRun {
  readonly sampleRate: number;
  /** Registers the marks with the run's clock (all at once, or as they become known). */
  readonly marks: (add: (index: number, offsetMs: number) => void) => () => void;
  /** Writes the audio into stdin and ends it; resolves how far the audio that was fed reaches. */
  readonly feed: (stdin: NodeJS.WritableStream, signal: AbortSignal) => Promise<number>;
}

/**
 * `audio_output: alsa`: plays each clip through `aplay` (raw 16-bit mono PCM on stdin). `onStart`
 * fires when aplay starts consuming the audio, not when it was spawned, and marks are timed from
 * that moment, so word and viseme events follow what is heard. A streamed clip is written into
 * aplay's stdin piece by piece as it is synthesized, so playback starts before synthesis ends. A
 * cancel kills aplay (SIGKILL: the rest of its buffer must not be heard) and resolves at once
 * with how far playback got.
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
    return this.run(
      {
        sampleRate: clip.audio.sampleRate,
        marks: (add) => {
          (options.marks ?? []).forEach((offsetMs, index) => add(index, offsetMs));
          return () => undefined;
        },
        feed: (stdin) => {
          stdin.end(pcmBytes(clip.audio.samples));
          return Promise.resolve(clip.durationMs);
        },
      },
      options,
    );
  }

  async playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult> {
    // aplay needs the rate on its command line: wait for the first piece.
    const first = await firstChunkRate(clip.audio, options.signal);
    if (first === undefined) return { completed: false, positionMs: 0 };
    return this.run(
      {
        sampleRate: first,
        marks: (add) => options.marks.subscribe(add),
        feed: async (stdin, signal) => {
          await consumeStream(clip.audio, signal, (chunk) => {
            // Backpressure is the pipe's: aplay reads at the real rate, so writes queue briefly.
            stdin.write(pcmBytes(chunk.samples));
          });
          stdin.end();
          return clip.audio.receivedMs;
        },
      },
      options,
    );
  }

  /** Stops every clip still playing. */
  dispose(): void {
    for (const stop of [...this.active.values()]) stop();
  }

  private run(
    run: AplayRun,
    options: Pick<PlayOptions, 'signal' | 'onStart' | 'onMark'>,
  ): Promise<PlaybackResult> {
    const device = this.device();
    const args = [
      '-t',
      'raw',
      '-f',
      'S16_LE',
      '-r',
      String(run.sampleRate),
      '-c',
      '1',
      ...(device ? ['-D', device] : []),
      '-',
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.binaryPath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      const clock = new MarkClock((index) => options.onMark?.(index));
      const unsubscribe = run.marks((index, offsetMs) => clock.add(index, offsetMs));
      const feeding = new AbortController();
      let fedMs = Number.POSITIVE_INFINITY;
      let stderr = '';
      let settled = false;
      const positionMs = (): number => Math.min(fedMs, clock.positionMs());
      const started = (): void => {
        if (clock.started) return;
        clock.start();
        clearTimeout(startTimer);
        options.onStart?.();
      };
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(startTimer);
        clock.stop();
        unsubscribe();
        feeding.abort();
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
          // aplay drains the device before it exits: everything it was fed has been heard.
          started();
          clock.flush();
          settle(() => resolve({ completed: true, positionMs: fedMs }));
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
      if (child.stdin) {
        run.feed(child.stdin, feeding.signal).then(
          (ms) => (fedMs = ms),
          (error: unknown) => {
            // The synthesis failed mid-stream: stop playing and fail the clip with its error.
            child.kill('SIGKILL');
            settle(() => reject(error instanceof Error ? error : new Error(String(error))));
          },
        );
      }
    });
  }
}

/** The sample rate of the stream's first piece, or undefined when aborted or ended first. */
async function firstChunkRate(
  stream: AudioStream,
  signal: AbortSignal,
): Promise<number | undefined> {
  let rate: number | undefined;
  const controller = new AbortController();
  const stop = AbortSignal.any([signal, controller.signal]);
  await consumeStream(stream, stop, (chunk) => {
    rate = chunk.sampleRate;
    controller.abort();
  });
  return signal.aborted ? undefined : rate;
}
