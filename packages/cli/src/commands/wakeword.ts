import { basename } from 'node:path';
import { durationMs, readWavFile } from '@hearth/audio';
import {
  DEFAULT_NEGATIVE_MARGIN,
  DEFAULT_REFRACTORY_MS,
  DEFAULT_TEMPLATE_THRESHOLD,
  enrollWakeTemplates,
  readWakeTemplateFile,
  TemplateMatcher,
  writeWakeTemplateFile,
} from '@hearth/wake-word';
import { CliError } from '../errors.js';

export interface EnrollOptions {
  readonly out: string;
  readonly phrase: string;
  /** Recordings of confusable phrases ("hey heart"), stored as negative templates. */
  readonly negative?: readonly string[];
}

const readRecordings = (files: readonly string[]) =>
  Promise.all(
    files.map(async (file) => ({ name: basename(file), audio: await readWavFile(file) })),
  );

/**
 * `hearth wakeword enroll --out FILE WAV... [--negative WAV...]`: a template file from 3 to 5
 * recordings, and negative templates from recordings of confusable phrases.
 */
export async function wakewordEnrollCommand(
  files: readonly string[],
  options: EnrollOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const recordings = await readRecordings(files);
  const negatives = await readRecordings(options.negative ?? []);
  const model = await enrollWakeTemplates(options.phrase, recordings, undefined, negatives);
  await writeWakeTemplateFile(options.out, model);
  const lengths = model.templates.map((t) => `${t.source} ${t.frames.length * 10} ms`).join(', ');
  const negativeCount = model.negatives?.length ?? 0;
  out.write(
    `Enrolled "${model.phrase}" from ${model.templates.length} recordings (${lengths})` +
      `${negativeCount > 0 ? ` and ${negativeCount} negative(s)` : ''} into ${options.out}\n`,
  );
  return 0;
}

export interface DetectOptions {
  readonly model: string;
  readonly json: boolean;
  readonly threshold?: string;
  readonly refractoryMs?: string;
  readonly negativeMargin?: string;
}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new CliError(`${name} must be a non-negative number, got "${value}".`);
  }
  return parsed;
}

/**
 * `hearth wakeword detect --model FILE [--json] WAV...`: runs the template matcher over each file
 * as audio_in would feed it (30 ms frames) and prints every detection with its time and score.
 */
export async function wakewordDetectCommand(
  files: readonly string[],
  options: DetectOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const model = await readWakeTemplateFile(options.model);
  const threshold = numberOption(options.threshold, '--threshold', DEFAULT_TEMPLATE_THRESHOLD);
  const refractoryMs = numberOption(options.refractoryMs, '--refractory-ms', DEFAULT_REFRACTORY_MS);
  const negativeMargin = numberOption(
    options.negativeMargin,
    '--negative-margin',
    DEFAULT_NEGATIVE_MARGIN,
  );
  for (const file of files) {
    const audio = await readWavFile(file);
    const matcher = new TemplateMatcher(model, { threshold, refractoryMs, negativeMargin });
    const detections = [];
    for (let at = 0; at < audio.samples.length; at += 480) {
      for (const match of matcher.push(audio.samples.subarray(at, at + 480))) {
        detections.push({
          timeMs: Math.round(match.endMs),
          startMs: Math.round(match.startMs),
          score: Math.round(match.score * 1000) / 1000,
          template: match.template,
        });
      }
    }
    if (options.json) {
      out.write(
        `${JSON.stringify({ file, phrase: model.phrase, durationMs: Math.round(durationMs(audio)), detections })}\n`,
      );
    } else {
      const found = detections
        .map((d) => `${(d.timeMs / 1000).toFixed(2)} s (score ${d.score.toFixed(3)})`)
        .join(', ');
      out.write(`${file}: ${detections.length === 0 ? 'no detection' : found}\n`);
    }
  }
  return 0;
}
