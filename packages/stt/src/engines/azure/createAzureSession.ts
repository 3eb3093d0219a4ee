import {
  AudioConfig,
  AudioInputStream,
  AudioStreamFormat,
  OutputFormat,
  PhraseListGrammar,
  PropertyId,
  SpeechConfig,
  SpeechRecognizer,
} from 'microsoft-cognitiveservices-speech-sdk';
import { STT_SAMPLE_RATE } from '../../support/audioFrames.js';
import type { AzureSession, AzureSessionSettings } from './AzureSession.js';

/**
 * Builds the real SDK objects for one connection: a push stream of 16 kHz mono 16-bit PCM (the
 * frames of the audio topic), a recognizer with the detailed output format (NBest with
 * confidence), the language, and the phrase list.
 */
export function createAzureSession(settings: AzureSessionSettings): AzureSession {
  const config = SpeechConfig.fromSubscription(settings.key, settings.region);
  config.speechRecognitionLanguage = settings.language;
  config.outputFormat = OutputFormat.Detailed;
  if (settings.segmentationSilenceMs > 0) {
    config.setProperty(
      PropertyId.Speech_SegmentationSilenceTimeoutMs,
      String(settings.segmentationSilenceMs),
    );
  }
  const stream = AudioInputStream.createPushStream(
    AudioStreamFormat.getWaveFormatPCM(STT_SAMPLE_RATE, 16, 1),
  );
  const recognizer = new SpeechRecognizer(config, AudioConfig.fromStreamInput(stream));
  if (settings.phrases.length > 0) {
    PhraseListGrammar.fromRecognizer(recognizer).addPhrases([...settings.phrases]);
  }
  return { recognizer, stream };
}
