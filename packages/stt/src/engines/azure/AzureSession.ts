import type {
  PushAudioInputStream,
  SpeechRecognizer,
} from 'microsoft-cognitiveservices-speech-sdk';

/**
 * The part of the SDK's SpeechRecognizer the engine uses. The real class satisfies it (checked by
 * the compiler in createAzureSession.ts); the tests drive a fake of it with recorded event
 * sequences, so the engine's handling of every event is tested without a network.
 */
export type AzureRecognizer = Pick<
  SpeechRecognizer,
  | 'recognizing'
  | 'recognized'
  | 'canceled'
  | 'sessionStarted'
  | 'sessionStopped'
  | 'startContinuousRecognitionAsync'
  | 'stopContinuousRecognitionAsync'
  | 'close'
>;

/** The part of the SDK's PushAudioInputStream the engine uses. */
export type AzureAudioStream = Pick<PushAudioInputStream, 'write' | 'close'>;

/** One connection's worth of SDK objects; a reconnect makes a new one. */
export interface AzureSession {
  readonly recognizer: AzureRecognizer;
  readonly stream: AzureAudioStream;
}

export interface AzureSessionSettings {
  /** Never logged. */
  readonly key: string;
  readonly region: string;
  /** BCP-47, e.g. en-US. */
  readonly language: string;
  /** The phrase list (PhraseListGrammar): names the recognizer should expect. */
  readonly phrases: readonly string[];
  /** Silence that ends a phrase, ms (Speech_SegmentationSilenceTimeoutMs); 0: the service's default. */
  readonly segmentationSilenceMs: number;
}

export type AzureSessionFactory = (settings: AzureSessionSettings) => AzureSession;
