import { EnergyVad, speechSegments, type PcmAudio } from '@hearth/audio';
import { cepstralMeanNormalize, MfccExtractor } from '../features/MfccExtractor.js';
import { defaultMfccOptions, type MfccOptions } from '../features/MfccOptions.js';
import { EnrollmentError } from '../errors.js';
import {
  WAKE_TEMPLATE_FORMAT,
  WAKE_TEMPLATE_VERSION,
  type WakeTemplate,
  type WakeTemplateFile,
} from './WakeTemplateFile.js';

export const MIN_ENROLLMENT_RECORDINGS = 3;
export const MAX_ENROLLMENT_RECORDINGS = 5;

/** Silence kept either side of the speech, so the first and last phonemes are whole. */
const PAD_MS = 30;

export interface EnrollmentRecording {
  /** Shown in errors and stored in the template (a file name, not a path). */
  readonly name: string;
  readonly audio: PcmAudio;
}

/** The speech in a recording: from the first start of speech to the last end, padded. */
export async function trimToSpeech(audio: PcmAudio): Promise<PcmAudio | undefined> {
  const segments = await speechSegments(new EnergyVad({ hangoverMs: 200 }), audio.samples);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const perMs = audio.sampleRate / 1000;
  const from = Math.max(0, Math.floor((first.startMs - PAD_MS) * perMs));
  const to = Math.min(audio.samples.length, Math.ceil((last.endMs + PAD_MS) * perMs));
  return { sampleRate: audio.sampleRate, samples: audio.samples.slice(from, to) };
}

/**
 * Enrolls a phrase from 3 to 5 recordings of it (Raven's approach): each recording, trimmed to its
 * speech, becomes one template of cepstral-mean-normalised MFCC frames. Detection compares the
 * live audio with every template, so different voices and speeds each keep their own.
 * `negatives` are recordings of confusable phrases ("hey heart"): stored as templates the phrase
 * must beat by the matcher's `negativeMargin`.
 */
export async function enrollWakeTemplates(
  phrase: string,
  recordings: readonly EnrollmentRecording[],
  features: MfccOptions = defaultMfccOptions,
  negatives: readonly EnrollmentRecording[] = [],
): Promise<WakeTemplateFile> {
  if (
    recordings.length < MIN_ENROLLMENT_RECORDINGS ||
    recordings.length > MAX_ENROLLMENT_RECORDINGS
  ) {
    throw new EnrollmentError(
      `${recordings.length} recording(s) given; record the phrase ${MIN_ENROLLMENT_RECORDINGS} ` +
        `to ${MAX_ENROLLMENT_RECORDINGS} times`,
    );
  }
  if (phrase.trim() === '') throw new EnrollmentError('the phrase is empty; name it (--phrase)');
  const templates: WakeTemplate[] = [];
  for (const recording of recordings) templates.push(await toTemplate(recording, features));
  const negativeTemplates: WakeTemplate[] = [];
  for (const recording of negatives) negativeTemplates.push(await toTemplate(recording, features));
  return {
    format: WAKE_TEMPLATE_FORMAT,
    version: WAKE_TEMPLATE_VERSION,
    phrase: phrase.trim(),
    features,
    templates,
    ...(negativeTemplates.length > 0 ? { negatives: negativeTemplates } : {}),
  };
}

/** One recording, trimmed to its speech, as cepstral-mean-normalised MFCC frames. */
async function toTemplate(
  recording: EnrollmentRecording,
  features: MfccOptions,
): Promise<WakeTemplate> {
  if (recording.audio.sampleRate !== features.sampleRate) {
    throw new EnrollmentError(
      `${recording.name} is ${recording.audio.sampleRate} Hz, expected ${features.sampleRate} Hz`,
    );
  }
  const speech = await trimToSpeech(recording.audio);
  if (speech === undefined) {
    throw new EnrollmentError(`${recording.name} has no speech in it (silent or too quiet)`);
  }
  const frames = MfccExtractor.compute(speech.samples, features).map((f) => f.coefficients);
  return {
    source: recording.name,
    frames: cepstralMeanNormalize(frames).map((frame) => Array.from(frame, round6)),
  };
}

/** Six decimals keep the file small; MFCCs do not carry more precision than that. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
