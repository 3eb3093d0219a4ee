import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineChart } from '../report/lineChart.js';
import { ContextStrategies, type ContextFit } from './measureContextFit.js';

export interface ContextReportInput {
  /** The dialogues' file. */
  readonly file: string;
  /** What counted tokens: a GGUF file's tokenizer, or "word tokens". */
  readonly tokenizer: string;
  readonly fit: ContextFit;
}

const fixed = (value: number): string => value.toFixed(1);

/** The markdown report: per context size, utterances kept by each strategy. */
export function renderContextMarkdown(input: ContextReportInput, chart: string): string {
  const { fit } = input;
  const o = fit.options;
  return [
    '# Utterances per context strategy',
    '',
    `Dialogues: \`${input.file}\`: ${fit.dialogues} dialogues, ${fit.utterances.total} utterances ` +
      `(${fixed(fit.utterances.mean)} per dialogue, median ${fixed(fit.utterances.median)}).`,
    `Tokens: ${input.tokenizer}; ${fixed(fit.tokensPerUtterance)} per utterance as written, ` +
      `${fixed(fit.tokensPerStrippedUtterance)} with stopwords removed.`,
    '',
    'Each cell: mean utterances kept word for word at the end of a dialogue (where its history is',
    'longest), median in brackets, and the share of dialogues kept whole.',
    '',
    `| context | history budget | ${ContextStrategies.join(' | ')} |`,
    `| ---: | ---: | ${ContextStrategies.map(() => '---:').join(' | ')} |`,
    ...fit.rows.map(
      (row) =>
        `| ${row.contextSize} | ${row.budget} | ${ContextStrategies.map((s) => {
          const f = row.strategies[s];
          return `${fixed(f.mean)} (${fixed(f.median)}), ${f.wholePercent.toFixed(0)}% whole`;
        }).join(' | ')} |`,
    ),
    '',
    '## How it was counted',
    '',
    `- History budget = context − ${o.replyTokens} reply tokens − ${o.systemTokens} system-prompt tokens;`,
    `  each utterance costs its tokens plus ${o.overheadPerUtterance} template tokens.`,
    '- window: the newest utterances that fit as written.',
    `- stopwords (the thesis' method): stopwords removed from all but the newest ${o.keepRecent}`,
    '  utterances (the llm node’s list: negations kept), then the newest that fit.',
    `- summary: the newest utterances that fit beside a ${o.summaryTokens}-token summary, which`,
    '  stands for all the older ones (so the dialogue is covered whole, but only these word for word).',
    '- The counts come from `utterancesThatFit` in @hearth/llm, the measure the llm node uses.',
    '',
    `![utterances kept per context size](${chart})`,
    '',
  ].join('\n');
}

/** Writes context-fit.json, context-fit.md and context-fit.svg into `outDir`. */
export async function writeContextReport(outDir: string, input: ContextReportInput): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const chart = 'context-fit.svg';
  const svg = lineChart(
    'Utterances kept per context strategy',
    ContextStrategies.map((strategy) => ({
      name: strategy,
      points: input.fit.rows.map((row) => ({
        x: row.contextSize,
        y: row.strategies[strategy].mean,
      })),
    })),
    {
      x: 'context size (tokens)',
      y: 'utterances kept word for word (mean)',
      xTicks: input.fit.rows.map((row) => row.contextSize),
      xScale: 'log2',
    },
  );
  await writeFile(join(outDir, chart), svg);
  await writeFile(
    join(outDir, 'context-fit.json'),
    `${JSON.stringify({ file: input.file, tokenizer: input.tokenizer, ...input.fit }, null, 2)}\n`,
  );
  await writeFile(join(outDir, 'context-fit.md'), renderContextMarkdown(input, chart));
}
