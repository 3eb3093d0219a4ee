import {
  Qos,
  systemTimers,
  type Disposable,
  type Logger,
  type TimerHandle,
  type Timers,
} from '@hearth/graph';
import { AudioFrameType, Topics, VoiceActivityType } from '@hearth/interfaces';
import { RECOGNIZER_SETTINGS, SttParameters } from '../../parameters.js';
import { AudioFrameReader } from '../../support/audioFrames.js';
import { Backoff } from '../../support/Backoff.js';
import type {
  SpeechToTextEngine,
  SttEngineContext,
  TranscriptListener,
} from '../SpeechToTextEngine.js';
import { TranscriptListeners } from '../TranscriptListeners.js';
import type { LocalRecognizer, LocalRecognizerResult } from './LocalRecognizer.js';
import { localRecognizerFromParameters } from './localRecognizerFromParameters.js';

export interface LocalSpeechEngineOptions {
  /** The recognizer to run; default: a LineProtocolRecognizer from the local_* parameters. */
  readonly recognizer?: LocalRecognizer;
  readonly timers?: Timers;
}

/**
 * On-device speech-to-text with a model the user supplies, so the robot needs no network: feeds
 * the audio topic's frames to a LocalRecognizer, asks it to end the utterance when voice activity
 * ends, publishes its partial and final results, and restarts it with backoff if it fails.
 */
export class LocalSpeechEngine implements SpeechToTextEngine {
  readonly source = 'local';
  readonly recognizer: LocalRecognizer;
  private readonly listeners: TranscriptListeners;
  private readonly frames: AudioFrameReader;
  private readonly logger: Logger;
  private readonly backoff: Backoff;
  private readonly timers: Timers;
  private readonly subscriptions: Disposable[];
  private restartTimer: TimerHandle | undefined;
  private running = false;
  private live = false;

  constructor(
    private readonly context: SttEngineContext,
    options: LocalSpeechEngineOptions = {},
  ) {
    const node = context.node;
    this.logger = node.logger;
    this.listeners = new TranscriptListeners(node.logger);
    this.frames = new AudioFrameReader(node.logger);
    this.timers = options.timers ?? systemTimers();
    this.backoff = new Backoff({
      initialMs: node.declareParameter(SttParameters.reconnectInitialMs, 1000, {
        description: 'First delay before restarting a recognizer that failed (ms); doubles.',
        range: { min: 1, max: 60_000 },
        readOnly: true,
      }),
      maxMs: node.declareParameter(SttParameters.reconnectMaxMs, 30_000, {
        description: 'Longest delay between restarts (ms).',
        range: { min: 1, max: 600_000 },
        readOnly: true,
      }),
    });
    this.recognizer = options.recognizer ?? localRecognizerFromParameters(node);
    node.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (frame) => {
        if (!this.live) return;
        const samples = this.frames.samples(frame);
        if (samples !== undefined) this.recognizer.acceptAudio(samples);
      },
      Qos.sensorData,
    );
    node.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (activity) => {
        if (this.live && activity.event === 'end') this.recognizer.endpoint();
      },
      Qos.events,
    );
    this.subscriptions = [
      this.recognizer.onResult((result) => this.onResult(result)),
      this.recognizer.onFailure((error) => this.onFailure(error)),
      node.onParametersChanged((changes) => {
        if (this.running && changes.some((change) => RECOGNIZER_SETTINGS.includes(change.name))) {
          this.logger.info('stt settings changed: restarting the local recognizer with them');
          void this.restart();
        }
      }),
    ];
  }

  /** Starts the recognizer; rejects when it cannot start (missing command or model). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.backoff.reset();
    try {
      await this.open();
    } catch (error) {
      this.running = false;
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.live = false;
    this.cancelRestart();
    await this.recognizer.stop();
  }

  onTranscript(listener: TranscriptListener): Disposable {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.running = false;
    this.live = false;
    this.cancelRestart();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.recognizer.dispose();
    this.listeners.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private async open(): Promise<void> {
    await this.recognizer.start({
      language: this.context.language(),
      phrases: this.context.phrases?.() ?? [],
    });
    this.live = this.running;
    if (this.live)
      this.logger.info('local recognizer running', { recognizer: this.recognizer.description });
  }

  private async restart(): Promise<void> {
    this.live = false;
    await this.recognizer.stop();
    if (this.running) await this.open().catch((error: unknown) => this.onFailure(asError(error)));
  }

  private onResult(result: LocalRecognizerResult): void {
    if (!this.running || result.text === '') return;
    if (result.isFinal) this.backoff.reset();
    this.listeners.emit({
      text: result.text,
      isFinal: result.isFinal,
      confidence: result.confidence ?? 0,
      language: this.context.language(),
    });
  }

  private onFailure(error: Error): void {
    this.live = false;
    if (!this.running) return;
    const delayMs = this.backoff.next();
    this.logger.error(error.message, { error: error.name, restartInMs: delayMs });
    this.cancelRestart();
    this.restartTimer = this.timers.setTimeout(() => {
      this.restartTimer = undefined;
      if (this.running) void this.open().catch((next: unknown) => this.onFailure(asError(next)));
    }, delayMs);
  }

  private cancelRestart(): void {
    if (this.restartTimer !== undefined) this.timers.clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
