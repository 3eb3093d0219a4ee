import { spawn, type ChildProcess } from 'node:child_process';
import { Listeners, type Disposable } from '@hearth/graph';
import { ArecordFailedError } from '../errors/ArecordFailedError.js';
import { ArecordNotFoundError } from '../errors/ArecordNotFoundError.js';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import type { AudioSource, AudioSourceEnd } from './AudioSource.js';

export interface ArecordSourceOptions {
  /** ALSA device (`arecord -L`), e.g. default, plughw:1,0. */
  readonly device: string;
  /** The arecord executable: a path or a name on PATH. Default `arecord`. */
  readonly binaryPath?: string;
  readonly onListenerError?: (error: unknown) => void;
}

/** Stderr kept for the error message when arecord dies. */
const MAX_STDERR_CHARS = 2000;

/**
 * Captures from ALSA with `arecord -f S16_LE -r 16000 -c 1 -t raw`, reading raw PCM from its
 * stdout. arecord (alsa-utils) does the device's rate and format conversion through the plug
 * layer, so no native binding is needed.
 */
export class ArecordSource implements AudioSource {
  readonly name = 'alsa';
  readonly binaryPath: string;
  private readonly samples: Listeners<Int16Array>;
  private readonly ends: Listeners<AudioSourceEnd>;
  private child: ChildProcess | undefined;
  /** An odd byte left over from the last chunk (a pipe may split a sample). */
  private carry: Buffer | undefined;
  private stopping = false;

  constructor(private readonly options: ArecordSourceOptions) {
    this.binaryPath = options.binaryPath ?? 'arecord';
    this.samples = new Listeners(options.onListenerError);
    this.ends = new Listeners(options.onListenerError);
  }

  /** The command line, for logs and tests. */
  get args(): readonly string[] {
    return [
      '-q',
      '-D',
      this.options.device,
      '-f',
      'S16_LE',
      '-r',
      String(HEARTH_SAMPLE_RATE),
      '-c',
      '1',
      '-t',
      'raw',
    ];
  }

  start(): Promise<void> {
    if (this.child !== undefined) return Promise.resolve();
    this.stopping = false;
    return new Promise((resolve, reject) => {
      const child = spawn(this.binaryPath, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      let stderr = '';
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        resolve();
      });
      child.once('error', (error) => {
        this.child = undefined;
        if (!spawned) reject(new ArecordNotFoundError(this.binaryPath, error.message));
        else this.ends.emit({ error });
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString('utf8');
      });
      child.stdout?.on('data', (chunk: Buffer) => this.receive(chunk));
      child.once('close', (code) => {
        this.child = undefined;
        if (!spawned) return;
        const error = this.stopping
          ? undefined
          : new ArecordFailedError(this.options.device, code, stderr);
        this.ends.emit(error === undefined ? {} : { error });
      });
    });
  }

  stop(): void {
    this.stopping = true;
    this.child?.kill('SIGTERM');
  }

  onSamples(listener: (samples: Int16Array) => void): Disposable {
    return this.samples.add(listener);
  }

  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    this.stop();
    this.samples.clear();
    this.ends.clear();
  }

  private receive(chunk: Buffer): void {
    const bytes = this.carry === undefined ? chunk : Buffer.concat([this.carry, chunk]);
    const whole = bytes.length - (bytes.length % 2);
    this.carry = whole < bytes.length ? bytes.subarray(whole) : undefined;
    if (whole === 0) return;
    const samples = new Int16Array(whole / 2);
    for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
    this.samples.emit(samples);
  }
}
