import { spawn } from 'node:child_process';
import { decodePcm16Wav } from '@hearth/audio';
import { durationMs } from '@hearth/audio';
import { EspeakFailedError } from '../errors/EspeakFailedError.js';
import { EspeakNotFoundError } from '../errors/EspeakNotFoundError.js';
import { SynthesisCancelledError } from '../errors/SynthesisCancelledError.js';
import { estimateWordTimings, textWords } from './estimateWordTimings.js';
import { PHONEME_SEPARATOR, parsePhonemeLines, phonemizerInput } from './visemes/espeakPhonemes.js';
import { placeVisemes } from './visemes/placeVisemes.js';
import type { Synthesis, SynthesisOptions, TtsEngine } from './TtsEngine.js';

export interface EspeakEngineOptions {
  /** The espeak-ng executable: a path, or a name looked up on PATH. Default `espeak-ng`. */
  readonly binaryPath?: string;
  /**
   * Also phonemize the text (a second, concurrent espeak-ng run with `--ipa`) and place visemes
   * inside each word's timing. Default true; off saves the second process.
   */
  readonly visemes?: boolean;
}

/** Stderr kept for error messages; espeak-ng's own messages are short. */
const MAX_STDERR_CHARS = 2000;

/**
 * Offline speech with espeak-ng. The text goes through stdin (`--stdin`), never a shell or argv,
 * so quotes, leading dashes, unicode and texts longer than the argument limit are all safe; the
 * WAV comes back on stdout (`--stdout`) and is decoded in memory.
 */
export class EspeakEngine implements TtsEngine {
  readonly name = 'espeak-ng';
  readonly binaryPath: string;
  private readonly withVisemes: boolean;

  constructor(options: EspeakEngineOptions = {}) {
    this.binaryPath = options.binaryPath ?? 'espeak-ng';
    this.withVisemes = options.visemes ?? true;
  }

  /** espeak-ng's version line; throws EspeakNotFoundError when it cannot be run. */
  async version(): Promise<string> {
    const { stdout } = await this.run(['--version'], '');
    return stdout.toString('utf8').split('\n')[0]?.trim() ?? '';
  }

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesis> {
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
