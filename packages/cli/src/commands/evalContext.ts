import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  ContextStrategies,
  loadContextDialogues,
  measureContextFit,
  Tokenizer,
  writeContextReport,
} from '@hearth/eval';
import { defaultPersonaPrompt, defaultSampling } from '@hearth/llm';
import { CliError } from '../errors.js';

export interface EvalContextOptions {
  data?: string;
  out: string;
  contextSizes: string;
  replyTokens: string;
  keepRecent: string;
  summaryTokens: string;
  overhead: string;
  system?: string;
  tokenizer?: string;
  limit?: string;
}

/** Where ESConv's validation split lies in a checkout next to the shared datasets. */
export const defaultContextData = '../shared/datasets/esconv/devWithStrategy_short.tsv';

function wholeNumber(value: string, option: string, least = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) {
    throw new CliError(`${option} must be a whole number ≥ ${least}, got "${value}".`);
  }
  return n;
}

function contextSizes(value: string): number[] {
  const sizes = value.split(',').map((part) => wholeNumber(part.trim(), '--context-sizes', 1));
  if (sizes.length === 0) throw new CliError('--context-sizes needs at least one size.');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function dataFile(data: string | undefined): string {
  if (data !== undefined) return resolve(data);
  const fallback = resolve(defaultContextData);
  if (!existsSync(fallback)) {
    throw new CliError(
      `No --data given and ESConv's validation split is not at ${fallback}. Pass --data with an ESConv *_short.tsv, ESConv JSON or ExTES JSON file.`,
    );
  }
  return fallback;
}

/**
 * `hearth eval context`: for each context strategy of the llm node (window, stopwords, summary)
 * and each context size, how many utterances of whole dialogues stay in the context (the
 * thesis' figures 6.2 and 6.3). Writes context-fit.json, context-fit.md and context-fit.svg.
 */
export async function evalContextCommand(
  options: EvalContextOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const file = dataFile(options.data);
  const sizes = contextSizes(options.contextSizes);
  const replyTokens = wholeNumber(options.replyTokens, '--reply-tokens');
  const settings = {
    keepRecent: wholeNumber(options.keepRecent, '--keep-recent'),
    summaryTokens: wholeNumber(options.summaryTokens, '--summary-tokens'),
    overheadPerUtterance: wholeNumber(options.overhead, '--overhead'),
  };
  const limit = options.limit === undefined ? undefined : wholeNumber(options.limit, '--limit', 1);
  const loaded = await loadContextDialogues(file);
  const dialogues = limit === undefined ? loaded : loaded.slice(0, limit);
  if (dialogues.length === 0) throw new CliError(`${file} holds no dialogue.`);
  const tokenizer = options.tokenizer
    ? await Tokenizer.fromGguf(resolve(options.tokenizer))
    : Tokenizer.words();
  try {
    const count = (text: string): number => tokenizer.count(text);
    const systemTokens =
      count(options.system ?? defaultPersonaPrompt) + settings.overheadPerUtterance;
    const fit = measureContextFit(dialogues, count, {
      contextSizes: sizes,
      replyTokens,
      systemTokens,
      ...settings,
    });
    const outDir = resolve(options.out);
    await writeContextReport(outDir, {
      file,
      tokenizer: options.tokenizer
        ? `the tokenizer of ${basename(options.tokenizer)}`
        : 'word tokens',
      fit,
    });
    out.write(
      `${fit.dialogues} dialogues, ${fit.utterances.mean.toFixed(1)} utterances each; mean utterances kept:\n`,
    );
    for (const row of fit.rows) {
      out.write(
        `  ${String(row.contextSize).padStart(6)} tokens: ` +
          ContextStrategies.map((s) => `${s} ${row.strategies[s].mean.toFixed(1)}`).join(', ') +
          '\n',
      );
    }
    out.write(`Wrote ${resolve(outDir, 'context-fit.md')}, .json and .svg\n`);
    return 0;
  } finally {
    await tokenizer.dispose();
  }
}

/** Defaults the command's options start from (the llm node's own). */
export const evalContextDefaults = {
  contextSizes: '256,512,1024,2048,4096',
  replyTokens: String(defaultSampling.maxTokens),
  // keep_recent_turns is 2 turns: the person's words and the reply of each.
  keepRecent: '4',
  summaryTokens: '96',
  overhead: '5',
};
