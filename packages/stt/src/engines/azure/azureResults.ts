import type { SpeechRecognitionResult } from 'microsoft-cognitiveservices-speech-sdk';
import type { RecognizedSpeech } from '../SpeechToTextEngine.js';

type ResultFields = Pick<SpeechRecognitionResult, 'text' | 'json' | 'language'>;

/**
 * The confidence of the best hypothesis, from the detailed output format's JSON
 * (`NBest[0].Confidence`); 0 when the service gave none (simple format, or a malformed reply).
 */
export function bestConfidence(json: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 0;
  }
  if (typeof parsed !== 'object' || parsed === null || !('NBest' in parsed)) return 0;
  const nBest = parsed.NBest;
  if (!Array.isArray(nBest)) return 0;
  const best: unknown = nBest[0];
  if (typeof best !== 'object' || best === null || !('Confidence' in best)) return 0;
  const confidence = best.Confidence;
  return typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? confidence : 0;
}

/** A `recognizing` result: the partial text so far. Azure gives partials no confidence. */
export function partialSpeech(result: ResultFields, language: string): RecognizedSpeech {
  return {
    text: result.text,
    isFinal: false,
    confidence: 0,
    language: result.language || language,
  };
}

/** A `recognized` result with speech in it. */
export function finalSpeech(result: ResultFields, language: string): RecognizedSpeech {
  return {
    text: result.text,
    isFinal: true,
    confidence: bestConfidence(result.json),
    language: result.language || language,
  };
}
