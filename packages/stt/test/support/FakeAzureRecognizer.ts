// A faithful stand-in for the Speech SDK's SpeechRecognizer (the subset the engine uses), driven
// by event sequences in test/fixtures/azure. Events are delivered as the SDK's own classes
// (SpeechRecognitionEventArgs with a SpeechRecognitionResult, SpeechRecognitionCanceledEventArgs,
// SessionEventArgs), one per turn of the event loop as the SDK does, and only between a started
// continuous recognition and close().
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CancellationErrorCode,
  CancellationReason,
  ResultReason,
  SessionEventArgs,
  SpeechRecognitionCanceledEventArgs,
  SpeechRecognitionEventArgs,
  SpeechRecognitionResult,
  type Recognizer,
} from 'microsoft-cognitiveservices-speech-sdk';
import type {
  AzureAudioStream,
  AzureRecognizer,
  AzureSession,
  AzureSessionSettings,
} from '../../src/index.js';

export type RecordedEvent =
  | { event: 'sessionStarted' | 'sessionStopped'; sessionId?: string }
  | { event: 'recognizing'; text: string; offset: number; duration: number }
  | {
      event: 'recognized';
      reason: keyof typeof ResultReason;
      offset: number;
      duration: number;
      json: { DisplayText?: string } & Record<string, unknown>;
    }
  | {
      event: 'canceled';
      reason: keyof typeof CancellationReason;
      errorCode: keyof typeof CancellationErrorCode;
      errorDetails: string;
    };

export interface RecordedSequence {
  readonly description: string;
  readonly events: readonly RecordedEvent[];
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'azure');

/** Loads a sequence; `{key}` in it becomes `key` (to check the key is never logged). */
export function loadSequence(name: string, key = ''): RecordedSequence {
  const text = readFileSync(join(FIXTURES, `${name}.json`), 'utf8').replaceAll('{key}', key);
  return JSON.parse(text) as RecordedSequence;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const noop = (): void => undefined;

export class FakeAzureRecognizer implements AzureRecognizer {
  recognizing: AzureRecognizer['recognizing'] = noop;
  recognized: AzureRecognizer['recognized'] = noop;
  canceled: AzureRecognizer['canceled'] = noop;
  sessionStarted: AzureRecognizer['sessionStarted'] = noop;
  sessionStopped: AzureRecognizer['sessionStopped'] = noop;
  started = false;
  stopped = false;
  closed = false;
  /** When set, startContinuousRecognitionAsync reports this error, as the SDK does offline. */
  failStartWith: string | undefined;
  private readonly sessionId = 'fake0000fake0000fake0000fake0000';

  startContinuousRecognitionAsync(cb?: () => void, err?: (e: string) => void): void {
    setImmediate(() => {
      if (this.closed) return err?.('the recognizer is closed');
      if (this.failStartWith !== undefined) return err?.(this.failStartWith);
      this.started = true;
      cb?.();
    });
  }

  stopContinuousRecognitionAsync(cb?: () => void, err?: (e: string) => void): void {
    setImmediate(() => {
      if (this.closed) return err?.('the recognizer is closed');
      this.stopped = true;
      this.started = false;
      cb?.();
    });
  }

  close(cb?: () => void, errorCb?: (error: string) => void): void {
    if (this.closed) {
      errorCb?.('already closed');
      return;
    }
    this.closed = true;
    this.started = false;
    cb?.();
  }

  /** Delivers the sequence's events, one per event-loop turn, while recognition runs. */
  async play(sequence: RecordedSequence): Promise<void> {
    for (const recorded of sequence.events) {
      await nextTurn();
      if (!this.started || this.closed) return;
      this.deliver(recorded);
    }
    await nextTurn();
  }

  private deliver(recorded: RecordedEvent): void {
    const sender = this as unknown as Recognizer;
    switch (recorded.event) {
      case 'sessionStarted':
        return this.sessionStarted(
          sender,
          new SessionEventArgs(recorded.sessionId ?? this.sessionId),
        );
      case 'sessionStopped':
        return this.sessionStopped(
          sender,
          new SessionEventArgs(recorded.sessionId ?? this.sessionId),
        );
      case 'recognizing': {
        const result = new SpeechRecognitionResult(
          'partial',
          ResultReason.RecognizingSpeech,
          recorded.text,
          recorded.duration,
          recorded.offset,
        );
        return this.recognizing(
          sender,
          new SpeechRecognitionEventArgs(result, recorded.offset, this.sessionId),
        );
      }
      case 'recognized': {
        const json = JSON.stringify(recorded.json);
        const result = new SpeechRecognitionResult(
          String(recorded.json['Id'] ?? 'final'),
          ResultReason[recorded.reason],
          recorded.json.DisplayText ?? '',
          recorded.duration,
          recorded.offset,
          undefined,
          undefined,
          undefined,
          undefined,
          json,
        );
        return this.recognized(
          sender,
          new SpeechRecognitionEventArgs(result, recorded.offset, this.sessionId),
        );
      }
      case 'canceled':
        return this.canceled(
          sender,
          new SpeechRecognitionCanceledEventArgs(
            CancellationReason[recorded.reason],
            recorded.errorDetails,
            CancellationErrorCode[recorded.errorCode],
            undefined,
            this.sessionId,
          ),
        );
    }
  }
}

/** The push stream's fake: keeps what was written. */
export class FakePushStream implements AzureAudioStream {
  readonly chunks: ArrayBuffer[] = [];
  closed = false;

  write(dataBuffer: ArrayBuffer): void {
    if (this.closed) throw new Error('write after close');
    this.chunks.push(dataBuffer);
  }

  close(): void {
    this.closed = true;
  }

  /** Everything written, as samples. */
  samples(): number[] {
    return this.chunks.flatMap((chunk) => {
      const view = new DataView(chunk);
      return Array.from({ length: chunk.byteLength / 2 }, (_, i) => view.getInt16(i * 2, true));
    });
  }
}

export interface FakeAzureSession extends AzureSession {
  readonly settings: AzureSessionSettings;
  readonly recognizer: FakeAzureRecognizer;
  readonly stream: FakePushStream;
}

/** A session factory that records each session it makes, with the settings it was given. */
export class FakeAzureService {
  readonly sessions: FakeAzureSession[] = [];

  readonly createSession = (settings: AzureSessionSettings): FakeAzureSession => {
    const session = {
      settings,
      recognizer: new FakeAzureRecognizer(),
      stream: new FakePushStream(),
    };
    this.sessions.push(session);
    return session;
  };

  get latest(): FakeAzureSession {
    const session = this.sessions.at(-1);
    if (session === undefined) throw new Error('no Azure session was opened');
    return session;
  }
}

// Timers a test advances by hand: reconnect delays are checked without waiting them out.
export { ManualTimers } from '../../../../tests/support/ManualTimers.js';
