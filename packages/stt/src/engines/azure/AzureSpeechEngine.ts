import {
  Qos,
  systemTimers,
  type Disposable,
  type Logger,
  type TimerHandle,
  type Timers,
} from '@hearth/graph';
import { AudioFrameType, Topics } from '@hearth/interfaces';
import {
  CancellationErrorCode,
  CancellationReason,
  ResultReason,
} from 'microsoft-cognitiveservices-speech-sdk';
import { AzureAuthenticationError } from '../../errors/AzureAuthenticationError.js';
import { RECOGNIZER_SETTINGS, SttParameters } from '../../parameters.js';
import { AudioFrameReader, pcmArrayBuffer } from '../../support/audioFrames.js';
import { Backoff } from '../../support/Backoff.js';
import type {
  SpeechToTextEngine,
  SttEngineContext,
  TranscriptListener,
} from '../SpeechToTextEngine.js';
import { TranscriptListeners } from '../TranscriptListeners.js';
import type { AzureSession, AzureSessionFactory } from './AzureSession.js';
import { readAzureCredentials, redactKey, type AzureCredentials } from './azureCredentials.js';
import { finalSpeech, partialSpeech } from './azureResults.js';
import { createAzureSession } from './createAzureSession.js';

/** Cancellation codes a retry cannot fix: the engine stops and says what to change. */
const FATAL_CODES: ReadonlySet<CancellationErrorCode> = new Set([
  CancellationErrorCode.AuthenticationFailure,
  CancellationErrorCode.Forbidden,
  CancellationErrorCode.BadRequestParameters,
]);

export interface AzureSpeechEngineOptions {
  /** Makes the SDK objects for one connection; tests pass a fake. */
  readonly createSession?: AzureSessionFactory;
  /** Where AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timers?: Timers;
}

/**
 * Azure Speech continuous recognition on the robot's microphone frames: partial results
 * (`recognizing`) and final ones (`recognized`, with the best hypothesis' confidence), the
 * language and phrase list from the parameters, and reconnection with exponential backoff when
 * the service cancels on a transient error or ends the session. A bad key, region or language
 * stops the engine with an AzureAuthenticationError instead of retrying forever.
 */
export class AzureSpeechEngine implements SpeechToTextEngine {
  readonly source = 'azure';
  private readonly listeners: TranscriptListeners;
  private readonly frames: AudioFrameReader;
  private readonly logger: Logger;
  private readonly backoff: Backoff;
  private readonly createSession: AzureSessionFactory;
  private readonly timers: Timers;
  private readonly segmentationSilenceMs: number;
  private readonly parameterListener: Disposable;
  private credentials: AzureCredentials | undefined;
  private session: AzureSession | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private running = false;
  private failure: Error | undefined;
  private opened = 0;

  constructor(
    private readonly context: SttEngineContext,
    private readonly options: AzureSpeechEngineOptions = {},
  ) {
    const node = context.node;
    this.logger = node.logger;
    this.listeners = new TranscriptListeners(node.logger);
    this.frames = new AudioFrameReader(node.logger);
    this.createSession = options.createSession ?? createAzureSession;
    this.timers = options.timers ?? systemTimers();
    const initialMs = node.declareParameter(SttParameters.reconnectInitialMs, 1000, {
      description: 'First delay before reconnecting to a recognizer that failed (ms); doubles.',
      range: { min: 1, max: 60_000 },
      readOnly: true,
    });
    const maxMs = node.declareParameter(SttParameters.reconnectMaxMs, 30_000, {
      description: 'Longest delay between reconnection attempts (ms).',
      range: { min: 1, max: 600_000 },
      readOnly: true,
    });
    this.backoff = new Backoff({ initialMs, maxMs });
    this.segmentationSilenceMs = node.declareParameter(SttParameters.segmentationSilenceMs, 0, {
      description:
        'Azure: silence that ends a phrase (ms, 100-5000); 0 keeps the service default (about 500 ms).',
      range: { min: 0, max: 5000 },
      readOnly: true,
    });
    node.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (frame) => {
        const session = this.session;
        if (!this.running || session === undefined) return;
        const samples = this.frames.samples(frame);
        if (samples === undefined) return;
        session.stream.write(pcmArrayBuffer(samples));
      },
      Qos.sensorData,
    );
    // The language and phrase list are fixed per connection: start a new one with the new values.
    this.parameterListener = node.onParametersChanged((changes) => {
      if (!changes.some((change) => RECOGNIZER_SETTINGS.includes(change.name))) return;
      const session = this.session;
      if (!this.running || session === undefined) return;
      this.logger.info('stt settings changed: reconnecting to Azure with them');
      this.closeSession(session);
      this.reopen();
    });
  }

  /** Why the engine stopped by itself (a refused key, region or language), if it did. */
  get lastError(): Error | undefined {
    return this.failure;
  }

  /** Connections made so far (the first one and each reconnection). */
  get connections(): number {
    return this.opened;
  }

  /** Throws AzureCredentialsError when the key or region is missing or malformed. */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.credentials = readAzureCredentials(this.options.env);
    this.running = true;
    this.failure = undefined;
    this.backoff.reset();
    return this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancelReconnect();
    const session = this.session;
    this.session = undefined;
    if (session === undefined) return;
    session.stream.close();
    await new Promise<void>((resolve) =>
      session.recognizer.stopContinuousRecognitionAsync(resolve, (error) => {
        this.logger.debug('Azure stop reported an error', { error: this.redact(error) });
        resolve();
      }),
    );
    await new Promise<void>((resolve) => session.recognizer.close(resolve, () => resolve()));
  }

  onTranscript(listener: TranscriptListener): Disposable {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.parameterListener.dispose();
    void this.stop();
    this.listeners.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** Async so that an SDK constructor that throws becomes a rejection for every caller. */
  private async open(): Promise<void> {
    const credentials = this.credentials;
    if (!this.running || credentials === undefined) return;
    const language = this.context.language();
    const session = this.createSession({
      key: credentials.key,
      region: credentials.region,
      language,
      phrases: this.context.phrases?.() ?? [],
      segmentationSilenceMs: this.segmentationSilenceMs,
    });
    this.session = session;
    this.opened += 1;
    this.wire(session);
    await new Promise<void>((resolve) =>
      session.recognizer.startContinuousRecognitionAsync(resolve, (error) => {
        this.lost(session, 'StartFailed', error);
        resolve();
      }),
    );
  }

  /** Handlers check that their session is still the current one: a closed session stays quiet. */
  private wire(session: AzureSession): void {
    const { recognizer } = session;
    const current = () => this.running && this.session === session;
    recognizer.sessionStarted = () => {
      if (current()) this.logger.info('connected to Azure speech-to-text');
    };
    recognizer.recognizing = (_sender, event) => {
      if (!current() || event.result.text === '') return;
      this.listeners.emit(partialSpeech(event.result, this.context.language()));
    };
    recognizer.recognized = (_sender, event) => {
      if (!current()) return;
      // A result proves the connection works: the next failure starts from the first delay.
      this.backoff.reset();
      const result = event.result;
      if (result.reason === ResultReason.RecognizedSpeech && result.text.trim() !== '') {
        this.listeners.emit(finalSpeech(result, this.context.language()));
      } else if (result.reason === ResultReason.NoMatch) {
        this.logger.debug('Azure heard sound but no words (NoMatch)');
      }
    };
    recognizer.canceled = (_sender, event) => {
      if (!current()) return;
      // EndOfStream: the push stream was closed, which only this engine does.
      if (event.reason === CancellationReason.EndOfStream) return;
      const code = CancellationErrorCode[event.errorCode] ?? String(event.errorCode);
      const details = this.redact(event.errorDetails ?? '');
      if (FATAL_CODES.has(event.errorCode)) {
        this.fail(new AzureAuthenticationError(code, this.credentials?.region ?? '', details));
      } else {
        this.lost(session, code, details);
      }
    };
    recognizer.sessionStopped = () => {
      if (current()) this.lost(session, 'SessionStopped', 'the service ended the session');
    };
  }

  private lost(session: AzureSession, code: string, details: string): void {
    if (!this.running || this.session !== session) return;
    this.closeSession(session);
    const delayMs = this.backoff.next();
    this.logger.warn('lost the Azure speech-to-text connection; reconnecting', {
      code,
      details: this.redact(details),
      delayMs,
      attempt: this.backoff.attempts,
    });
    this.cancelReconnect();
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.reopen();
    }, delayMs);
  }

  /** Opens a new connection where no caller waits: a failure to build one stops the engine. */
  private reopen(): void {
    this.open().catch((error: unknown) =>
      this.fail(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private fail(error: Error): void {
    this.running = false;
    this.failure = error;
    this.cancelReconnect();
    if (this.session !== undefined) this.closeSession(this.session);
    this.logger.error(error.message, { error: error.name });
  }

  private closeSession(session: AzureSession): void {
    if (this.session === session) this.session = undefined;
    try {
      session.stream.close();
      session.recognizer.close(undefined, (error) =>
        this.logger.debug('closing an Azure recognizer failed', { error: this.redact(error) }),
      );
    } catch (error) {
      this.logger.debug('closing an Azure recognizer failed', {
        error: this.redact(String(error)),
      });
    }
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer !== undefined) this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  private redact(text: string): string {
    return redactKey(text, this.credentials?.key ?? '');
  }
}
