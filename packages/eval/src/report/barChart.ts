import { colour, escapeXml, formatNumber, niceMax } from './svg.js';

export interface BarSeries {
  readonly name: string;
  /** One value per group; null leaves a gap. */
  readonly values: readonly (number | null)[];
}

/**
 * A grouped bar chart as a standalone SVG: one group per metric, one bar per system, value
 * labels on the bars and a legend. Written by hand so the report needs no chart library.
 */
export function barChart(
  title: string,
  groups: readonly string[],
  series: readonly BarSeries[],
): string {
  const width = 720;
  const height = 360;
  const left = 48;
  const bottom = 300;
  const top = 40;
  const plotWidth = width - left - 16;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (value: number): number => bottom - ((bottom - top) * value) / max;
  const groupWidth = plotWidth / Math.max(1, groups.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (max * tick) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - 16}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${left - 4}" y="${y(value) + 4}" text-anchor="end">${formatNumber(value)}</text>`,
    );
  }
  groups.forEach((group, g) => {
    const x0 = left + g * groupWidth + groupWidth * 0.1;
    series.forEach((s, i) => {
      const value = s.values[g];
      if (value === null || value === undefined) return;
      const x = x0 + i * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(bottom - y(value)).toFixed(1)}" fill="${colour(i)}"><title>${escapeXml(`${s.name}: ${formatNumber(value)}`)}</title></rect>`,
        `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y(value) - 3).toFixed(1)}" text-anchor="middle" font-size="9">${formatNumber(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${(x0 + groupWidth * 0.4).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${escapeXml(group)}</text>`,
    );
  });
  series.forEach((s, i) => {
    const x = left + (i % 3) * 220;
    const row = bottom + 34 + Math.floor(i / 3) * 14;
    parts.push(
      `<rect x="${x}" y="${row - 9}" width="10" height="10" fill="${colour(i)}"/>`,
      `<text x="${x + 14}" y="${row}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
