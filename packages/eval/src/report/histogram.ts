import { colour, escapeXml, formatNumber, niceMax } from './svg.js';

/** Counts of values in `bins` equal-width bins over [0, max]. */
export function binCounts(values: readonly number[], bins: number, max: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((value / max) * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** A histogram of seconds per reply as a standalone SVG, one outlined series per system. */
export function latencyHistogram(
  title: string,
  series: readonly { readonly name: string; readonly seconds: readonly number[] }[],
  bins = 20,
): string {
  const width = 720;
  const height = 340;
  const left = 48;
  const bottom = 280;
  const top = 40;
  const plotWidth = width - left - 16;
  const maxSeconds = niceMax(Math.max(0, ...series.flatMap((s) => s.seconds)));
  const counts = series.map((s) => binCounts(s.seconds, bins, maxSeconds));
  // A multiple of 4, so the 4 count ticks are whole numbers.
  const maxCount = Math.max(4, Math.ceil(niceMax(Math.max(1, ...counts.flat())) / 4) * 4);
  const x = (seconds: number): number => left + (plotWidth * seconds) / maxSeconds;
  const y = (count: number): number => bottom - ((bottom - top) * count) / maxCount;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${left}" x2="${width - 16}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const seconds = (maxSeconds * tick) / 4;
    const count = (maxCount * tick) / 4;
    parts.push(
      `<text x="${x(seconds)}" y="${bottom + 14}" text-anchor="middle">${formatNumber(seconds)} s</text>`,
      `<text x="${left - 4}" y="${y(count) + 4}" text-anchor="end">${formatNumber(count)}</text>`,
    );
  }
  const binWidth = maxSeconds / bins;
  counts.forEach((binsOfSeries, i) => {
    binsOfSeries.forEach((count, b) => {
      if (count === 0) return;
      parts.push(
        `<rect x="${x(b * binWidth).toFixed(1)}" y="${y(count).toFixed(1)}" width="${(x(binWidth) - left).toFixed(1)}" height="${(bottom - y(count)).toFixed(1)}" fill="${colour(i)}" fill-opacity="0.45" stroke="${colour(i)}"/>`,
      );
    });
    parts.push(
      `<rect x="${left + i * 220}" y="${bottom + 26}" width="10" height="10" fill="${colour(i)}"/>`,
      `<text x="${left + i * 220 + 14}" y="${bottom + 35}">${escapeXml(series[i]?.name ?? '')}</text>`,
    );
  });
  parts.push(
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle">seconds per reply</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
