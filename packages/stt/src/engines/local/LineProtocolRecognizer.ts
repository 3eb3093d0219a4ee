import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Listeners, type Disposable, type Logger } from '@hearth/graph';
import { RecognizerProcessError } from '../../errors/RecognizerProcessError.js';
import { pcmBytes, STT_SAMPLE_RATE } from '../../support/audioFrames.js';
import type {
  LocalRecognizer,
  LocalRecognizerResult,
  LocalRecognizerSettings,
} from './LocalRecognizer.js';
import { parseRecognizerLine, type LineFormat } from './parseRecognizerLine.js';

export interface LineProtocolRecognizerOptions {
  /** The recognizer program: a path, or a name on PATH. */
  readonly command: string;
  /**
   * Its arguments. `{language}` is replaced by the language (en-US), `{lang}` by its first part
   * (en), `{phrases}` by the phrase list joined with commas.
   */
  readonly args: readonly string[];
  readonly format: LineFormat;
  /** Silence written on `endpoint()` so the recognizer's own endpointing ends the utterance; 0: none. */
  readonly endpointSilenceMs: number;
  readonly logger: Logger;
  /** How long `stop` waits for the process to finish its last result after stdin closes. */
  readonly stopGraceMs?: number;
}

/** Audio queued to a recognizer slower than real time, beyond which frames are dropped (10 s). */
const MAX_QUEUED_BYTES = STT_SAMPLE_RATE * 2 * 10;
const STDERR_TAIL_CHARS = 400;

/**
 * Runs an on-device recognizer as a child process speaking a simple protocol: raw 16 kHz mono
 * signed 16-bit little-endian PCM on its stdin, one result per line on its stdout (see
 * parseRecognizerLine), diagnostics on stderr. Most streaming recognizers fit behind a few lines
 * of wrapper (README.md shows sherpa-onnx, Vosk and whisper.cpp).
 */
export class LineProtocolRecognizer implements LocalRecognizer {
  readonly description: string;
  private readonly results: Listeners<LocalRecognizerResult>;
  private readonly failures: Listeners<Error>;
  private child: ChildProcessWithoutNullStreams | undefined;
  private stderrTail = '';
  private droppedBytes = 0;

  constructor(private readonly options: LineProtocolRecognizerOptions) {
    this.description = [options.command, ...options.args].join(' ');
    const report = (error: unknown) =>
      options.logger.error('a local recognizer listener threw', { error: String(error) });
    this.results = new Listeners(report);
    this.failures = new Listeners(report);
  }

  /** Resolves once the process runs; rejects with RecognizerProcessError when it cannot start. */
  start(settings: LocalRecognizerSettings): Promise<void> {
    if (this.child !== undefined) return Promise.resolve();
    const args = this.options.args.map((arg) =>
      arg
        .replaceAll('{language}', settings.language)
        .replaceAll('{lang}', settings.language.split('-')[0] ?? settings.language)
        .replaceAll('{phrases}', settings.phrases.join(',')),
    );
    const child = spawn(this.options.command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.stderrTail = '';
    child.stdin.on('error', (error) =>
      this.options.logger.debug('the local recognizer closed its input', { error: String(error) }),
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    return new Promise<void>((resolve, reject) => {
      child.once('spawn', () => {
        child.on('exit', (code, signal) => {
          if (this.child !== child) return;
          this.child = undefined;
          const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
          this.failures.emit(
            new RecognizerProcessError(this.options.command, how, this.stderrTail.trim()),
          );
        });
        resolve();
      });
      child.once('error', (error) => {
        if (this.child === child) this.child = undefined;
        const failure = new RecognizerProcessError(
          this.options.command,
          `could not start (${error.message})`,
          '',
        );
        reject(failure);
      });
    });
  }

  acceptAudio(samples: Int16Array): void {
    const stdin = this.child?.stdin;
    if (stdin === undefined || !stdin.writable) return;
    if (stdin.writableLength > MAX_QUEUED_BYTES) {
      // The recognizer is slower than real time: keep what it has queued, drop the newest audio.
      if (this.droppedBytes === 0) {
        this.options.logger.warn('the local recognizer is slower than real time: dropping audio', {
          recognizer: this.options.command,
        });
      }
      this.droppedBytes += samples.length * 2;
      return;
    }
    this.droppedBytes = 0;
    stdin.write(pcmBytes(samples));
  }

  endpoint(): void {
    const samples = Math.round((STT_SAMPLE_RATE * this.options.endpointSilenceMs) / 1000);
    if (samples > 0) this.acceptAudio(new Int16Array(samples));
  }

  onResult(listener: (result: LocalRecognizerResult) => void): Disposable {
    return this.results.add(listener);
  }

  onFailure(listener: (error: Error) => void): Disposable {
    return this.failures.add(listener);
  }

  /** Closes stdin so the recognizer can report its last result, then ends the process. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    // End of input: the recognizer reports its last result (still delivered) and exits.
    child.stdin.end();
    const grace = this.options.stopGraceMs ?? 2000;
    const timer = setTimeout(() => child.kill('SIGKILL'), grace);
    await exited;
    clearTimeout(timer);
  }

  dispose(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
    this.results.clear();
    this.failures.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private onLine(line: string): void {
    const parsed = parseRecognizerLine(line, this.options.format);
    if (parsed === undefined) return;
    if (typeof parsed === 'string') {
      this.options.logger.warn('the local recognizer wrote a line outside the protocol', {
        reason: parsed,
        format: this.options.format,
      });
      return;
    }
    this.results.emit(parsed);
  }
}
