import {
  SpeechConfig,
  SpeechSynthesisOutputFormat,
  SpeechSynthesizer,
} from 'microsoft-cognitiveservices-speech-sdk';
import type { AzureCredentials } from './azureCredentials.js';

/**
 * The part of the SDK's SpeechSynthesizer the engine uses. Typed from the SDK itself, so the
 * tests' fake and the real synthesizer are held to the same contract.
 */
export type AzureSynthesizer = Pick<
  SpeechSynthesizer,
  'synthesizing' | 'wordBoundary' | 'visemeReceived' | 'speakSsmlAsync' | 'close'
>;

export type AzureSynthesizerFactory = (credentials: AzureCredentials) => AzureSynthesizer;

/** Azure sends raw PCM at this rate (Raw24Khz16BitMonoPcm): no header to parse per chunk. */
export const AZURE_SAMPLE_RATE = 24000;

/**
 * A real synthesizer for one utterance. No AudioConfig (null): the audio comes back in events
 * and the tts node's sink plays it, instead of the SDK opening a speaker of its own.
 */
export const createAzureSynthesizer: AzureSynthesizerFactory = (credentials) => {
  const config = SpeechConfig.fromSubscription(credentials.key, credentials.region);
  config.speechSynthesisOutputFormat = SpeechSynthesisOutputFormat.Raw24Khz16BitMonoPcm;
  return new SpeechSynthesizer(config, null);
};
