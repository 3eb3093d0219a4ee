import { readFile, writeFile } from 'node:fs/promises';
import type { MfccOptions } from '../features/MfccOptions.js';
import { InvalidWakeTemplateError } from '../errors.js';

export const WAKE_TEMPLATE_FORMAT = 'hearth-wake-template';
/** Version 2 added `negatives`; version 1 files (no negatives) still load. */
export const WAKE_TEMPLATE_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** One enrolled recording: its MFCC frames after cepstral mean normalisation. */
export interface WakeTemplate {
  /** The recording it came from (file name only: no personal paths). */
  readonly source: string;
  readonly frames: number[][];
}

/** The JSON file `hearth wakeword enroll` writes: a phrase and 3 to 5 templates of it. */
export interface WakeTemplateFile {
  readonly format: typeof WAKE_TEMPLATE_FORMAT;
  readonly version: number;
  readonly phrase: string;
  readonly features: MfccOptions;
  readonly templates: readonly WakeTemplate[];
  /**
   * Confusable phrases ("hey heart" for "hey hearth"): a window must match the phrase better
   * than any of these by a margin. Absent in version 1 files.
   */
  readonly negatives?: readonly WakeTemplate[];
}

export async function writeWakeTemplateFile(path: string, file: WakeTemplateFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(file)}\n`, 'utf8');
}

export async function readWakeTemplateFile(path: string): Promise<WakeTemplateFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidWakeTemplateError(path, `cannot read it: ${String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidWakeTemplateError(path, 'it is not JSON');
  }
  return checkWakeTemplateFile(value, path);
}

const FEATURE_KEYS = [
  'sampleRate',
  'frameMs',
  'hopMs',
  'preEmphasis',
  'fftSize',
  'filters',
  'coefficients',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkWakeTemplateFile(value: unknown, source: string): WakeTemplateFile {
  const fail = (reason: string): never => {
    throw new InvalidWakeTemplateError(source, reason);
  };
  if (!isRecord(value) || value.format !== WAKE_TEMPLATE_FORMAT) {
    return fail(`"format" is not "${WAKE_TEMPLATE_FORMAT}"`);
  }
  if (typeof value.version !== 'number' || !READABLE_VERSIONS.includes(value.version)) {
    return fail(
      `version ${String(value.version)} (this build reads ${READABLE_VERSIONS.join(' and ')}); ` +
        'enroll the phrase again with this build',
    );
  }
  if (typeof value.phrase !== 'string' || value.phrase.trim() === '') {
    return fail('"phrase" is missing');
  }
  const features = value.features;
  if (!isRecord(features)) return fail('"features" is missing');
  for (const key of FEATURE_KEYS) {
    if (typeof features[key] !== 'number') fail(`features.${key} is not a number`);
  }
  const coefficients = features.coefficients as number;
  const templates = value.templates;
  if (!Array.isArray(templates) || templates.length === 0) return fail('"templates" is empty');
  checkTemplates(templates, 'template', coefficients, fail);
  if (value.negatives !== undefined) {
    if (!Array.isArray(value.negatives)) return fail('"negatives" is not a list');
    checkTemplates(value.negatives, 'negative', coefficients, fail);
  }
  return value as unknown as WakeTemplateFile;
}

function checkTemplates(
  templates: readonly unknown[],
  what: string,
  coefficients: number,
  fail: (reason: string) => never,
): void {
  for (const [index, template] of templates.entries()) {
    if (!isRecord(template) || !Array.isArray(template.frames) || template.frames.length === 0) {
      fail(`${what} ${index} has no frames`);
    }
    const frames = (template as { frames: unknown[] }).frames;
    for (const frame of frames) {
      if (
        !Array.isArray(frame) ||
        frame.length !== coefficients ||
        !frame.every((x) => typeof x === 'number' && Number.isFinite(x))
      ) {
        fail(`${what} ${index} has a frame that is not ${coefficients} finite numbers`);
      }
    }
  }
}
