import { lineChart } from './lineChart.js';

export interface ContextSeries {
  readonly name: string;
  /** Mean prompt tokens for each number of context utterances. */
  readonly points: readonly { readonly utterances: number; readonly tokens: number }[];
}

/**
 * Context length against utterances in the context, one line per history mode (the thesis'
 * figure 6.1): how many tokens the same history costs with and without stopwords.
 */
export function contextChart(title: string, series: readonly ContextSeries[]): string {
  return lineChart(
    title,
    series.map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({ x: p.utterances, y: p.tokens })),
    })),
    { x: 'utterances in the context', y: 'prompt tokens' },
  );
}
