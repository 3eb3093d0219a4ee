/**
 * A file name (without extension) made from an id that arrived over the graph: only letters,
 * digits, `.`, `_` and `-`, starting with a letter or digit, no `..`, at most 120 characters. So a
 * goal can never name a path outside the audio folder, and the console can serve the file.
 * Returns `fallback` when nothing usable is left.
 */
export function safeFileName(id: string, fallback: string): string {
  const cleaned = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : fallback;
}
