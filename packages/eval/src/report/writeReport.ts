import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalDataset } from '../data/types.js';
import type { MetricSummary } from '../metrics/scoreReplies.js';
import type { SystemResult } from '../run/runEvaluation.js';
import { barChart } from './barChart.js';
import { contextChart, type ContextSeries } from './contextChart.js';
import { latencyHistogram } from './histogram.js';
import { referencePoints } from './references.js';

export interface ReportInput {
  readonly dataset: EvalDataset;
  /** Examples scored (after --limit). */
  readonly scored: number;
  readonly results: readonly SystemResult[];
  /** Generation settings and anything else that identifies the run. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Lines saying what was not measured and why. */
  readonly notes: readonly string[];
  /** A heading other than "Hearth evaluation report" (e.g. for a side-by-side comparison). */
  readonly title?: string;
  /** Each system's own report, relative to this one (side-by-side reports). */
  readonly systemReports?: readonly { readonly name: string; readonly path: string }[];
}

const columns: readonly { key: keyof MetricSummary; label: string }[] = [
  { key: 'bleu2', label: 'BLEU-2' },
  { key: 'bleu4', label: 'BLEU-4' },
  { key: 'rouge2', label: 'ROUGE-2' },
  { key: 'rougeL', label: 'ROUGE-L' },
  { key: 'distinct1', label: 'Dist-1' },
  { key: 'distinct2', label: 'Dist-2' },
  { key: 'meanReplyLength', label: 'words/reply' },
  { key: 'strategyAccuracy', label: 'strategy acc.' },
  { key: 'strategyMacroF1', label: 'strategy macro-F1' },
  { key: 'perplexity', label: 'PPL' },
  { key: 'secondsPerReply', label: 's/reply' },
  { key: 'tokensPerSecond', label: 'tokens/s' },
];

function cell(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** Mean prompt tokens per number of context utterances, for the context-length figure. */
function contextSeries(result: SystemResult): ContextSeries {
  const sums = new Map<number, { tokens: number; count: number }>();
  for (const record of result.records) {
    if (record.promptTokens === undefined) continue;
    const entry = sums.get(record.contextUtterances) ?? { tokens: 0, count: 0 };
    entry.tokens += record.promptTokens;
    entry.count += 1;
    sums.set(record.contextUtterances, entry);
  }
  return {
    name: result.name,
    points: [...sums].map(([utterances, { tokens, count }]) => ({
      utterances,
      tokens: tokens / count,
    })),
  };
}

/** The markdown report: results, published reference points, method, gaps and charts. */
export function renderMarkdown(
  input: ReportInput,
  charts: readonly { file: string; alt: string }[],
): string {
  const { dataset } = input;
  const lines: string[] = [
    `# ${input.title ?? 'Hearth evaluation report'}`,
    '',
    `Data: \`${dataset.file}\` (${dataset.format}), ${input.scored} of ${dataset.examples.length} examples scored` +
      (dataset.skipped.length > 0
        ? `; ${dataset.skipped.length} skipped (last utterance not the supporter’s).`
        : '.'),
    '',
    `| system | ${columns.map((c) => c.label).join(' | ')} |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} |`,
    ...input.results.map(
      (r) =>
        `| ${r.name} | ${columns.map((c) => cell(r.metrics[c.key] as number | null)).join(' | ')} |`,
    ),
    '',
    '## Published reference points (same test file, percent)',
    '',
    '| system | BLEU-2 | ROUGE-L | source |',
    '| --- | ---: | ---: | --- |',
    ...referencePoints.map(
      (p) => `| ${p.system} | ${p.bleu2.toFixed(2)} | ${p.rougeL.toFixed(2)} | ${p.source} |`,
    ),
    '',
    'They apply to `testWithStrategy_short.tsv` only; the literature computed ROUGE-L with',
    'nlg-eval (recall-weighted, beta 1.2) and its own tokenizer, so compare magnitudes, not decimals.',
    '',
    '## How the numbers were computed',
    '',
    '- Word tokens: lower-cased words (inner apostrophes kept) and single punctuation marks.',
    '- BLEU-2/4: corpus BLEU, clipped n-gram precision summed over the set, uniform geometric mean,',
    '  brevity penalty, no smoothing (NLTK `corpus_bleu` default). Percent.',
    '- ROUGE-2, ROUGE-L: F1 (beta 1) per example, averaged. Percent.',
    '- Distinct-1/2: distinct n-grams over all n-grams of all replies together. Percent.',
    '- Strategy accuracy / macro-F1: the leading `[tag]` of each reply against the gold strategy;',
    '  only when replies carry tags; macro-F1 over the strategies in the gold or the predictions',
    "  (scikit-learn's macro average; a missing tag is wrong and no class). Percent.",
    '- Perplexity: exp(total negative log-likelihood of the gold replies / their total tokens),',
    '  each gold token scored after the chat-formatted context, without the end-of-turn token.',
    '- Seconds per reply: mean wall time of generation; tokens/s: generated tokens / generation time.',
    '- Gold replies are always the supporter’s, with strategy tags removed before scoring.',
    '',
  ];
  const embedded = input.results.filter((r) => r.quality?.embeddingSimilarity != null);
  if (embedded.length > 0) {
    lines.push(
      '## Embedding similarity',
      '',
      'Mean cosine similarity of reply and gold-reply embeddings (sentence-level, BERTScore-style), percent.',
      '',
      '| system | similarity |',
      '| --- | ---: |',
      ...embedded.map((r) => `| ${r.name} | ${cell(r.quality?.embeddingSimilarity)} |`),
      '',
    );
  }
  const judged = input.results.filter((r) => r.quality?.judge);
  if (judged.length > 0) {
    lines.push(
      '## LLM judge (0 to 10)',
      '',
      `Judge: ${judged[0]?.quality?.judge?.judge ?? ''}.`,
      '',
      '| system | rated | failed | Engagement | Fluency | Comforting | Appropriateness | Suggestion |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...judged.map((r) => {
        const j = r.quality?.judge;
        const m = j?.means;
        return `| ${r.name} | ${j?.rated ?? 0} | ${j?.failed ?? 0} | ${cell(m?.engagement)} | ${cell(m?.fluency)} | ${cell(m?.comforting)} | ${cell(m?.appropriateness)} | ${cell(m?.suggestion)} |`;
      }),
      '',
    );
  }
  if (input.systemReports && input.systemReports.length > 0) {
    lines.push(
      '## Each system’s own report',
      '',
      ...input.systemReports.map((r) => `- ${r.name}: [${r.path}](${r.path})`),
      '',
    );
  }
  if (input.notes.length > 0)
    lines.push('## Not measured', '', ...input.notes.map((n) => `- ${n}`), '');
  lines.push('## Settings', '', '```json', JSON.stringify(input.settings, null, 2), '```', '');
  if (charts.length > 0) {
    lines.push('## Charts', '', ...charts.flatMap((c) => [`![${c.alt}](${c.file})`, '']));
  }
  return lines.join('\n');
}

/** Writes metrics.json, report.md and the SVG charts into `outDir`. */
export async function writeReport(outDir: string, input: ReportInput): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const charts: { file: string; alt: string }[] = [];
  const overlap = ['bleu2', 'bleu4', 'rouge2', 'rougeL', 'distinct1', 'distinct2'] as const;
  await writeFile(
    join(outDir, 'metrics.svg'),
    barChart(
      'Overlap and diversity per system (percent)',
      ['BLEU-2', 'BLEU-4', 'ROUGE-2', 'ROUGE-L', 'Dist-1', 'Dist-2'],
      input.results.map((r) => ({ name: r.name, values: overlap.map((key) => r.metrics[key]) })),
    ),
  );
  charts.push({ file: 'metrics.svg', alt: 'metrics per system' });
  const timed = input.results
    .map((r) => ({
      name: r.name,
      seconds: r.records.flatMap((x) => (x.seconds === undefined ? [] : [x.seconds])),
    }))
    .filter((s) => s.seconds.length > 0);
  if (timed.length > 0) {
    await writeFile(join(outDir, 'latency.svg'), latencyHistogram('Seconds per reply', timed));
    charts.push({ file: 'latency.svg', alt: 'latency distribution' });
  }
  const contexts = input.results.map(contextSeries).filter((s) => s.points.length > 0);
  if (contexts.length > 0) {
    await writeFile(
      join(outDir, 'context.svg'),
      contextChart('Context length per history mode', contexts),
    );
    charts.push({ file: 'context.svg', alt: 'context length against utterances' });
  }
  const json = {
    dataset: {
      file: input.dataset.file,
      format: input.dataset.format,
      examples: input.dataset.examples.length,
      scored: input.scored,
      skipped: input.dataset.skipped,
    },
    units:
      'BLEU, ROUGE, Distinct and strategy scores in percent; perplexity per token; seconds; tokens per second',
    systems: input.results.map((r) => ({
      name: r.name,
      history: r.history,
      metrics: r.metrics,
      quality: r.quality ?? null,
    })),
    references: referencePoints,
    settings: input.settings,
    notes: input.notes,
    ...(input.systemReports ? { systemReports: input.systemReports } : {}),
  };
  await writeFile(join(outDir, 'metrics.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(outDir, 'report.md'), renderMarkdown(input, charts));
}
