import { basename, resolve } from 'node:path';
import { CliError } from '../errors.js';

/** One system `hearth eval` scores: a model that generates, or a predictions file. */
export type EvalSource =
  | {
      readonly kind: 'model';
      readonly model: string;
      readonly lora?: string;
      readonly name: string;
      readonly folder: string;
    }
  | {
      readonly kind: 'predictions';
      readonly file: string;
      readonly name: string;
      readonly folder: string;
    };

function list(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** A folder name for a system: lower-case letters, digits, dots and dashes. */
function folderOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'system'
  );
}

/**
 * The systems of a `hearth eval` run, from repeated --model / --lora / --predictions: models
 * first, then predictions files, each with a unique name and folder. A --lora needs its
 * --model: with several models, give one --lora per model in order ("none" for a base model).
 */
export function evalSources(options: {
  model?: string | readonly string[];
  lora?: string | readonly string[];
  predictions?: string | readonly string[];
}): EvalSource[] {
  const models = list(options.model);
  const loras = list(options.lora);
  const predictions = list(options.predictions);
  if (models.length === 0 && predictions.length === 0) {
    throw new CliError(
      'Give --model FILE to generate replies, or --predictions FILE to score replies made elsewhere (each may be repeated to compare systems side by side).',
    );
  }
  if (loras.length > 0 && models.length === 0) {
    throw new CliError('--lora needs --model: the adapter is applied to that base model.');
  }
  if (loras.length > 0 && loras.length !== models.length) {
    throw new CliError(
      `Give one --lora per --model, in order ("none" for a model without one): got ${models.length} models and ${loras.length} adapters.`,
    );
  }
  const raw = [
    ...models.map((model, i) => {
      const lora = loras[i] && loras[i].toLowerCase() !== 'none' ? resolve(loras[i]) : undefined;
      const name = basename(model) + (lora ? ` + ${basename(lora)}` : '');
      return { kind: 'model' as const, model: resolve(model), ...(lora ? { lora } : {}), name };
    }),
    ...predictions.map((file) => ({
      kind: 'predictions' as const,
      file: resolve(file),
      name: basename(file),
    })),
  ];
  // The same file name twice (two folders) would mix two systems: number the repeats.
  const seen = new Map<string, number>();
  return raw.map((source): EvalSource => {
    const count = (seen.get(source.name) ?? 0) + 1;
    seen.set(source.name, count);
    const name = count === 1 ? source.name : `${source.name} (${count})`;
    return { ...source, name, folder: folderOf(name) };
  });
}
