import { spawn } from 'node:child_process';
import { decodePcm16Wav } from '@hearth/audio';
import { durationMs } from '@hearth/audio';
import { EspeakFailedError } from '../errors/EspeakFailedError.js';
import { EspeakNotFoundError } from '../errors/EspeakNotFoundError.js';
import { LibEspeakUnavailableError } from '../errors/LibEspeakUnavailableError.js';
import { SynthesisCancelledError } from '../errors/SynthesisCancelledError.js';
import { estimateWordTimings, textWords } from './estimateWordTimings.js';
import { espeakVisemes, espeakWordTimings } from './libespeak/espeakTimings.js';
import { LIBESPEAK_DEFAULT_PATH, LibEspeakWorker } from './libespeak/LibEspeakWorker.js';
import { PHONEME_SEPARATOR, parsePhonemeLines, phonemizerInput } from './visemes/espeakPhonemes.js';
import { placeVisemes } from './visemes/placeVisemes.js';
import type { Synthesis, SynthesisOptions, TtsEngine } from './TtsEngine.js';

/**
 * How espeak-ng is reached. `library`: libespeak-ng through koffi, in a worker thread, with its
 * real word and phoneme events. `cli`: the espeak-ng command line, timings estimated from the
 * audio. `auto`: the library when it loads, else the command line (logged once).
 */
export type EspeakBackend = 'auto' | 'library' | 'cli';

export interface EspeakEngineOptions {
  /**
   * The espeak-ng executable: a path, or a name looked up on PATH. Default `espeak-ng`. Naming
   * one makes `cli` the default backend (that binary is what you asked for).
   */
  readonly binaryPath?: string;
  /** Default `auto` (`cli` when binaryPath is given). */
  readonly backend?: EspeakBackend;
  /**
   * libespeak-ng for the library backend; default `$HEARTH_LIBESPEAK_NG`, else its soname
   * `libespeak-ng.so.1` (found by the dynamic loader on x86-64 and arm64).
   */
  readonly libraryPath?: string;
  /**
   * Also give visemes. Library: from its phoneme events. Command line: a second, concurrent
   * espeak-ng run with `--ipa`, placed inside each word's estimated timing. Default true.
   */
  readonly visemes?: boolean;
  /** Where the one-time notice goes when `auto` falls back to the command line; default console.warn. */
  readonly log?: (message: string) => void;
}

/** Stderr kept for error messages; espeak-ng's own messages are short. */
const MAX_STDERR_CHARS = 2000;

/**
 * Offline speech with espeak-ng. By default through libespeak-ng (LibEspeakWorker), whose
 * word-boundary and phoneme events give exact word and viseme times. The command-line fallback:
 * the text goes through stdin (`--stdin`), never a shell or argv,
 * so quotes, leading dashes, unicode and texts longer than the argument limit are all safe; the
 * WAV comes back on stdout (`--stdout`) and is decoded in memory.
 */
export class EspeakEngine implements TtsEngine {
  readonly name = 'espeak-ng';
  readonly binaryPath: string;
  private readonly withVisemes: boolean;
  private readonly backendOption: EspeakBackend;
  private readonly library: LibEspeakWorker;
  private readonly log: (message: string) => void;
  /** Why the library could not be used, once `auto` has fallen back to the command line. */
  private libraryUnavailable: LibEspeakUnavailableError | undefined;

  constructor(options: EspeakEngineOptions = {}) {
    this.binaryPath = options.binaryPath ?? 'espeak-ng';
    this.withVisemes = options.visemes ?? true;
    this.backendOption = options.backend ?? (options.binaryPath === undefined ? 'auto' : 'cli');
    this.library = new LibEspeakWorker(
      options.libraryPath ?? (process.env.HEARTH_LIBESPEAK_NG || LIBESPEAK_DEFAULT_PATH),
    );
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /**
   * Which backend synthesizes: `library` (real word and phoneme events) or `cli` (estimated
   * timings). With `auto` this loads the library to find out (and logs why, if it cannot).
   */
  async backend(): Promise<'library' | 'cli'> {
    if (this.backendOption === 'cli' || this.libraryUnavailable) return 'cli';
    try {
      await this.library.start();
      return 'library';
    } catch (error) {
      this.fallBack(error);
      return 'cli';
    }
  }

  /**
   * Gives back this engine's hold on the process's libespeak-ng thread (ended when no engine
   * holds it); a later synthesis takes it again.
   */
  dispose(): void {
    this.library.dispose();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** espeak-ng's version line; throws EspeakNotFoundError when it cannot be run. */
  async version(): Promise<string> {
    const { stdout } = await this.run(['--version'], '');
    return stdout.toString('utf8').split('\n')[0]?.trim() ?? '';
  }

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesis> {
    if ((await this.backend()) === 'library') {
      try {
        return await this.synthesizeWithLibrary(text, options);
      } catch (error) {
        // The worker could not start after all (e.g. it crashed): fall back like at start.
        this.fallBack(error);
      }
    }
    return this.synthesizeWithCli(text, options);
  }

  /** Rethrows anything but an unloadable library; records and logs that once (`auto` only). */
  private fallBack(error: unknown): void {
    if (!(error instanceof LibEspeakUnavailableError) || this.backendOption === 'library') {
      throw error;
    }
    if (this.libraryUnavailable) return;
    this.libraryUnavailable = error;
    this.log(error.message);
  }

  private async synthesizeWithLibrary(text: string, options: SynthesisOptions): Promise<Synthesis> {
    const raw = await this.library.synthesize({
      text,
      voice: options.voice,
      rate: options.rate,
      pitch: options.pitch,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const audio = { sampleRate: raw.sampleRate, samples: raw.samples };
    const duration = durationMs(audio);
    return {
      audio,
      durationMs: duration,
      words: espeakWordTimings(text, raw.events, duration),
      visemes: this.withVisemes ? espeakVisemes(raw.events, duration) : [],
      timing: 'events',
    };
  }

  private async synthesizeWithCli(text: string, options: SynthesisOptions): Promise<Synthesis> {
    const args = [
      '--stdout',
      '--stdin',
      '-b',
      '1', // UTF-8 input
      '-v',
      options.voice,
      '-s',
      String(Math.round(options.rate)),
      '-p',
      String(Math.round(options.pitch)),
    ];
    const words = textWords(text).map((word) => word.text);
    // Both runs at once: phonemizing takes a few ms, synthesis the bulk of the time.
    const [{ stdout, stderr, code }, phonemes] = await Promise.all([
      this.run(args, text, options.signal),
      this.withVisemes && words.length > 0
        ? this.phonemize(words, options.voice, options.signal)
        : Promise.resolve([]),
    ]);
    if (code !== 0 || stdout.length === 0) throw new EspeakFailedError(code, stderr, options.voice);
    const audio = decodePcm16Wav(stdout, 'espeak-ng output');
    const wordTimings = estimateWordTimings(text, audio);
    return {
      audio,
      durationMs: durationMs(audio),
      words: wordTimings,
      visemes: this.withVisemes ? placeVisemes(wordTimings, phonemes) : [],
      timing: 'estimated',
    };
  }

  /**
   * The IPA phonemes of each of `words` (see phonemizerInput). A failing run yields none: the
   * synthesis run reports the same failure with espeak-ng's message.
   */
  private async phonemize(
    words: readonly string[],
    voice: string,
    signal?: AbortSignal,
  ): Promise<string[][]> {
    const args = ['-q', '--ipa', `--sep=${PHONEME_SEPARATOR}`, '--stdin', '-b', '1', '-v', voice];
    const { stdout, code } = await this.run(args, phonemizerInput(words), signal);
    return code === 0 ? parsePhonemeLines(stdout.toString('utf8')) : [];
  }

  private run(
    args: readonly string[],
    input: string,
    signal?: AbortSignal,
  ): Promise<{ stdout: Buffer; stderr: string; code: number | null }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SynthesisCancelledError());
        return;
      }
      const child = spawn(this.binaryPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      let settled = false;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        action();
      };
      // SIGKILL: a cancelled utterance must stop within 50 ms; espeak-ng holds nothing to flush.
      const onAbort = (): void => {
        child.kill('SIGKILL');
        settle(() => reject(new SynthesisCancelledError()));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString('utf8');
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        settle(() =>
          reject(
            error.code === 'ENOENT' || error.code === 'EACCES'
              ? new EspeakNotFoundError(this.binaryPath)
              : error,
          ),
        );
      });
      child.on('close', (code) => {
        settle(() => resolve({ stdout: Buffer.concat(chunks), stderr, code }));
      });
      // EPIPE when espeak-ng exits early (bad voice) is reported through `close`, not here.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input, 'utf8');
    });
  }
}
