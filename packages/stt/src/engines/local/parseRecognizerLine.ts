import type { LocalRecognizerResult } from './LocalRecognizer.js';

/**
 * How a recognizer process writes its results on stdout, one per line:
 * - `jsonl`: `{"type":"partial","text":"how are"}` and
 *   `{"type":"final","text":"how are you","confidence":0.91}` (confidence optional);
 * - `lines`: every non-empty line is a final result (recognizers that print one utterance per
 *   line, such as Vosk's or whisper.cpp's examples behind a small wrapper).
 */
export const LINE_FORMATS = ['jsonl', 'lines'] as const;
export type LineFormat = (typeof LINE_FORMATS)[number];

/** A result, undefined for a blank line, or a string saying why the line was not understood. */
export function parseRecognizerLine(
  line: string,
  format: LineFormat,
): LocalRecognizerResult | undefined | string {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  if (format === 'lines') return { text: trimmed, isFinal: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return 'not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'not a JSON object';
  const record = parsed as Record<string, unknown>;
  const { type, text, confidence } = record;
  if (type !== 'partial' && type !== 'final') return '"type" must be "partial" or "final"';
  if (typeof text !== 'string') return '"text" must be a string';
  if (
    confidence !== undefined &&
    (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))
  ) {
    return '"confidence" must be a number from 0 to 1';
  }
  const result: LocalRecognizerResult = { text: text.trim(), isFinal: type === 'final' };
  return typeof confidence === 'number' ? { ...result, confidence } : result;
}
