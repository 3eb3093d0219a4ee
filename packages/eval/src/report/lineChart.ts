import { colour, escapeXml, formatNumber, niceMax } from './svg.js';

export interface LineSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface LineChartAxes {
  readonly x: string;
  readonly y: string;
  /** Labelled x values; default every integer from 0 to the largest x. */
  readonly xTicks?: readonly number[];
  /** `log2` spaces doubling values (context sizes) evenly; default linear from 0. */
  readonly xScale?: 'linear' | 'log2';
}

/**
 * A line chart as a standalone SVG, one line per series with a legend: the report's context
 * figures (the thesis' 6.1 to 6.3). Written by hand so the report needs no chart library.
 */
export function lineChart(
  title: string,
  series: readonly LineSeries[],
  axes: LineChartAxes,
): string {
  const width = 720;
  const height = 340;
  const left = 56;
  const bottom = 280;
  const top = 40;
  const plotWidth = width - left - 32;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const maxX = Math.max(1, ...xs);
  const ticks = axes.xTicks ?? Array.from({ length: Math.floor(maxX) + 1 }, (_, i) => i);
  const log = axes.xScale === 'log2';
  const minLog = Math.log2(Math.max(1, Math.min(...(xs.length > 0 ? xs : [1]), ...ticks)));
  const spanLog = Math.max(1, Math.log2(maxX) - minLog);
  const x = (value: number): number =>
    log
      ? left + (plotWidth * (Math.log2(Math.max(1, value)) - minLog)) / spanLog
      : left + (plotWidth * value) / maxX;
  const maxY = niceMax(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const y = (value: number): number => bottom - ((bottom - top) * value) / maxY;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${left}" x2="${width - 16}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
  ];
  for (const tick of ticks) {
    parts.push(
      `<text x="${x(tick).toFixed(1)}" y="${bottom + 14}" text-anchor="middle">${tick}</text>`,
    );
  }
  for (let step = 0; step <= 4; step += 1) {
    const value = (maxY * step) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - 16}" y1="${y(value)}" y2="${y(value)}" stroke="#eee"/>`,
      `<text x="${left - 4}" y="${y(value) + 4}" text-anchor="end">${formatNumber(value)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    const path = sorted.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${colour(i)}" stroke-width="2"/>`);
    for (const p of sorted) {
      parts.push(
        `<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="3" fill="${colour(i)}"><title>${escapeXml(`${s.name}: ${formatNumber(p.y)}`)}</title></circle>`,
      );
    }
    parts.push(
      `<rect x="${left + (i % 3) * 220}" y="${bottom + 26 + Math.floor(i / 3) * 14}" width="10" height="10" fill="${colour(i)}"/>`,
      `<text x="${left + (i % 3) * 220 + 14}" y="${bottom + 35 + Math.floor(i / 3) * 14}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push(
    `<text x="${width / 2}" y="${height - 4}" text-anchor="middle">${escapeXml(axes.x)}</text>`,
    `<text x="14" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(top + bottom) / 2})">${escapeXml(axes.y)}</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
