import { resolve } from 'node:path';
import {
  buildSft,
  ChatTemplateNames,
  loadDialogues,
  Tokenizer,
  writeSft,
  type ChatTemplateName,
  type Dialogue,
} from '@hearth/eval';
import { defaultPersonaPrompt } from '@hearth/llm';
import { CliError } from '../errors.js';

export interface SftCommandOptions {
  input: string[];
  template: string;
  out: string;
  strategyTags: boolean;
  validation: string;
  seed: string;
  system?: string;
  historyWindow: string;
  tokenizer?: string;
  maxTokens: string;
}

function template(value: string): ChatTemplateName {
  const found = ChatTemplateNames.find((name) => name === value.toLowerCase());
  if (found === undefined) {
    throw new CliError(
      `--template must be one of ${ChatTemplateNames.join(', ')}, got "${value}".`,
    );
  }
  return found;
}

function nonNegativeInteger(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`${option} must be a whole number ≥ 0, got "${value}".`);
  return n;
}

/**
 * `hearth data sft`: ESConv / ExTES dialogues to supervised fine-tuning JSONL in a chat template,
 * split by conversation into train and validation, with token length statistics.
 */
export async function sftCommand(
  options: SftCommandOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const validationFraction = Number(options.validation);
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new CliError(`--validation must be a fraction in [0, 1), got "${options.validation}".`);
  }
  const dialogues: Dialogue[] = [];
  for (const [index, file] of options.input.entries()) {
    const loaded = await loadDialogues(resolve(file));
    // Ids stay unique across several input files.
    dialogues.push(...loaded.dialogues.map((d) => ({ ...d, id: `${index}:${d.id}` })));
    out.write(`Read ${loaded.dialogues.length} ${loaded.format} conversations from ${file}\n`);
  }
  const split = buildSft(dialogues, {
    template: template(options.template),
    systemPrompt: options.system ?? defaultPersonaPrompt,
    strategyTags: options.strategyTags,
    validationFraction,
    seed: nonNegativeInteger(options.seed, '--seed'),
    historyWindow: nonNegativeInteger(options.historyWindow, '--history-window'),
  });
  const tokenizer = options.tokenizer
    ? await Tokenizer.fromGguf(resolve(options.tokenizer))
    : Tokenizer.words();
  try {
    const stats = await writeSft(
      resolve(options.out),
      split,
      tokenizer,
      nonNegativeInteger(options.maxTokens, '--max-tokens'),
    );
    const t = stats.tokens.train;
    out.write(
      `Wrote ${stats.examples.train} training examples (${stats.conversations.train} conversations) and ` +
        `${stats.examples.validation} validation examples (${stats.conversations.validation} conversations) to ${resolve(options.out)}\n` +
        `Duplicates dropped: ${stats.duplicateConversations} conversations, ${stats.duplicateExamples} examples. ` +
        `Training length (${stats.tokenizer === 'gguf' ? 'model tokens' : 'word tokens; pass --tokenizer for model tokens'}): ` +
        `mean ${t.mean.toFixed(0)}, p90 ${t.p90}, max ${t.max}, ${t.overLimit} over ${t.limit}\n`,
    );
    return 0;
  } finally {
    await tokenizer.dispose();
  }
}
