import { colour, escapeXml, formatNumber, niceMax } from './svg.js';

export interface ContextSeries {
  readonly name: string;
  /** Mean prompt tokens for each number of context utterances. */
  readonly points: readonly { readonly utterances: number; readonly tokens: number }[];
}

/**
 * Context length against utterances in the context, one line per history mode (the thesis'
 * figures 6.1 to 6.3): how many tokens the same history costs with and without stopwords.
 */
export function contextChart(title: string, series: readonly ContextSeries[]): string {
  const width = 720;
  const height = 340;
  const left = 56;
  const bottom = 280;
  const top = 40;
  const plotWidth = width - left - 16;
  const maxX = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.utterances)));
  const maxY = niceMax(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.tokens))));
  const x = (u: number): number => left + (plotWidth * u) / maxX;
  const y = (t: number): number => bottom - ((bottom - top) * t) / maxY;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${left}" x2="${width - 16}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
  ];
  for (let u = 0; u <= maxX; u += 1) {
    parts.push(`<text x="${x(u)}" y="${bottom + 14}" text-anchor="middle">${u}</text>`);
  }
  for (let tick = 0; tick <= 4; tick += 1) {
    const t = (maxY * tick) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - 16}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`,
      `<text x="${left - 4}" y="${y(t) + 4}" text-anchor="end">${formatNumber(t)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const path = [...s.points]
      .sort((a, b) => a.utterances - b.utterances)
      .map((p) => `${x(p.utterances).toFixed(1)},${y(p.tokens).toFixed(1)}`)
      .join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${colour(i)}" stroke-width="2"/>`);
    for (const p of s.points) {
      parts.push(
        `<circle cx="${x(p.utterances).toFixed(1)}" cy="${y(p.tokens).toFixed(1)}" r="3" fill="${colour(i)}"/>`,
      );
    }
    parts.push(
      `<rect x="${left + i * 260}" y="${bottom + 26}" width="10" height="10" fill="${colour(i)}"/>`,
      `<text x="${left + i * 260 + 14}" y="${bottom + 35}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push(
    `<text x="${width / 2}" y="${height - 4}" text-anchor="middle">utterances in the context</text>`,
    `<text x="14" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(top + bottom) / 2})">prompt tokens</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
