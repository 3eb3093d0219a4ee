import { durationMs, type PcmAudio } from '@hearth/audio';
import { ResultReason, SpeechSynthesisBoundaryType } from 'microsoft-cognitiveservices-speech-sdk';
import { AzureSynthesisFailedError } from '../../errors/AzureSynthesisFailedError.js';
import { SynthesisCancelledError } from '../../errors/SynthesisCancelledError.js';
import type {
  Synthesis,
  SynthesisOptions,
  TtsEngine,
  VisemeTiming,
  WordTiming,
} from '../TtsEngine.js';
import { azureCredentials, redactKey, type AzureCredentials } from './azureCredentials.js';
import { azureSsml } from './azureSsml.js';
import {
  AZURE_SAMPLE_RATE,
  createAzureSynthesizer,
  type AzureSynthesizerFactory,
} from './AzureSynthesizer.js';

export interface AzureTtsEngineOptions {
  /** Default: AZURE_SPEECH_KEY and AZURE_SPEECH_REGION from the environment (checked now). */
  readonly credentials?: AzureCredentials;
  /** The voice when the utterance's `voice` is not an Azure voice name (e.g. espeak's `en-us`). */
  readonly voice?: () => string;
  /** mstts:express-as style; '' for none. Read per utterance. */
  readonly style?: () => string;
  /** How strongly the style shows, 0.01 to 2. Read per utterance. */
  readonly styleDegree?: () => number;
  /** Makes the SDK's synthesizer; tests pass a fake with the same interface. */
  readonly createSynthesizer?: AzureSynthesizerFactory;
}

export const AZURE_DEFAULT_VOICE = 'en-US-AriaNeural';
/** A voice with an empathetic style suits a companion that gives emotional support. */
export const AZURE_DEFAULT_STYLE = 'empathetic';

/** `en-US-AriaNeural`, `zh-CN-XiaoxiaoNeural`: locale, then the voice. */
const AZURE_VOICE_NAME = /^[a-z]{2,3}-[A-Z][A-Za-z]{1,3}-\S+$/u;

/** The SDK's offsets are in ticks of 100 ns. */
const TICKS_PER_MS = 10_000;

/**
 * Azure neural text to speech behind the TtsEngine port: SSML with voice, style and prosody
 * (azureSsml); audio streamed in `synthesizing` events (passed on through `onAudio` as it
 * arrives); word boundaries and visemes (Microsoft's ids 0-21, the set espeak-ng's visemes are
 * mapped to) with their audio offsets. The key never appears in a message or a log.
 */
export class AzureTtsEngine implements TtsEngine {
  readonly name = 'azure';
  private readonly credentials: AzureCredentials;
  private readonly createSynthesizer: AzureSynthesizerFactory;

  constructor(private readonly options: AzureTtsEngineOptions = {}) {
    this.credentials = options.credentials ?? azureCredentials();
    this.createSynthesizer = options.createSynthesizer ?? createAzureSynthesizer;
  }

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesis> {
    const { signal } = options;
    if (signal?.aborted) throw new SynthesisCancelledError();
    const voice = AZURE_VOICE_NAME.test(options.voice)
      ? options.voice
      : (this.options.voice?.() ?? AZURE_DEFAULT_VOICE);
    const ssml = azureSsml(text, {
      voice,
      style: this.options.style?.() ?? AZURE_DEFAULT_STYLE,
      styleDegree: this.options.styleDegree?.() ?? 1,
      rate: options.rate,
      pitch: options.pitch,
    });
    const chunks: Buffer[] = [];
    const words: WordTiming[] = [];
    const visemes: VisemeTiming[] = [];
    const synthesizer = this.createSynthesizer(this.credentials);
    const redact = (message: string): string => redactKey(message, this.credentials.key);
    try {
      await new Promise<void>((resolve, reject) => {
        let done = false;
        const finish = (outcome: () => void): void => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          outcome();
        };
        // close() (in finally) drops the connection: Azure stops sending for this utterance.
        const onAbort = (): void => finish(() => reject(new SynthesisCancelledError()));
        signal?.addEventListener('abort', onAbort, { once: true });
        synthesizer.synthesizing = (_sender, event) => {
          if (done) return;
          const bytes = Buffer.from(event.result.audioData);
          chunks.push(bytes);
          if (options.onAudio) this.passOn(options.onAudio, toPcm(bytes));
        };
        synthesizer.wordBoundary = (_sender, event) => {
          if (done || event.boundaryType !== SpeechSynthesisBoundaryType.Word) return;
          const word = {
            text: event.text,
            offsetMs: Math.round(event.audioOffset / TICKS_PER_MS),
            durationMs: Math.round(event.duration / TICKS_PER_MS),
          };
          words.push(word);
          this.passOn(options.onWord, word);
        };
        synthesizer.visemeReceived = (_sender, event) => {
          if (done) return;
          const viseme = {
            viseme: String(event.visemeId),
            offsetMs: Math.round(event.audioOffset / TICKS_PER_MS),
          };
          visemes.push(viseme);
          this.passOn(options.onViseme, viseme);
        };
        synthesizer.speakSsmlAsync(
          ssml,
          (result) => {
            if (result.reason === ResultReason.SynthesizingAudioCompleted) finish(resolve);
            else {
              const details = redact(result.errorDetails ?? `result ${String(result.reason)}`);
              finish(() => reject(new AzureSynthesisFailedError(voice, details)));
            }
          },
          (error) => finish(() => reject(new AzureSynthesisFailedError(voice, redact(error)))),
        );
      });
    } finally {
      synthesizer.close();
    }
    const audio = toPcm(Buffer.concat(chunks));
    return {
      audio,
      durationMs: durationMs(audio),
      words: words.sort((a, b) => a.offsetMs - b.offsetMs),
      visemes: visemes.sort((a, b) => a.offsetMs - b.offsetMs),
      timing: 'events',
    };
  }

  /** Streams audio or a timing to the caller; a throwing listener must not break synthesis. */
  private passOn<T>(listener: ((value: T) => void) | undefined, value: T): void {
    if (!listener) return;
    try {
      listener(value);
    } catch {
      // The listener's own failure is its business; the utterance goes on.
    }
  }
}

/** Little-endian 16-bit samples (an odd trailing byte, never sent by Azure, is dropped). */
function toPcm(bytes: Buffer): PcmAudio {
  const samples = new Int16Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return { sampleRate: AZURE_SAMPLE_RATE, samples };
}
