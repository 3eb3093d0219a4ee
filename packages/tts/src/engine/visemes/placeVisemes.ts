import type { VisemeTiming, WordTiming } from '../TtsEngine.js';
import { SILENCE_VISEME, ipaToVisemes, isVowelViseme } from './azureVisemes.js';

/** A gap between words longer than this closes the mouth (a pause, not a word boundary). */
const PAUSE_MS = 80;
/** Vowels take about twice a consonant's time in English speech. */
const VOWEL_WEIGHT = 2;
const CONSONANT_WEIGHT = 1;

/**
 * Visemes for an utterance whose word timings are known: each word's phonemes become viseme ids
 * (ipaToVisemes) spread over the word's own time in proportion to their weight (vowels longer
 * than consonants). The mouth closes (viseme 0) after a word followed by a pause and after the
 * last word. `phonemes[i]` belongs to `words[i]`; when the two lists do not match in length (the
 * phonemizer and the text disagreed about words), every phoneme is spread over the whole spoken
 * span instead, which keeps the shapes in order at coarser timing.
 */
export function placeVisemes(
  words: readonly WordTiming[],
  phonemes: readonly (readonly string[])[],
): VisemeTiming[] {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return [];
  const spans: { startMs: number; endMs: number; phonemes: readonly string[] }[] =
    phonemes.length === words.length
      ? words.map((word, i) => ({
          startMs: word.offsetMs,
          endMs: word.offsetMs + word.durationMs,
          phonemes: phonemes[i] ?? [],
        }))
      : [
          {
            startMs: first.offsetMs,
            endMs: last.offsetMs + last.durationMs,
            phonemes: phonemes.flat(),
          },
        ];
  const visemes: VisemeTiming[] = [];
  const push = (id: number, offsetMs: number): void => {
    const rounded = Math.round(offsetMs);
    // Two shapes at the same millisecond: the later one wins, the earlier would never show.
    while ((visemes[visemes.length - 1]?.offsetMs ?? -1) >= rounded) visemes.pop();
    if (visemes[visemes.length - 1]?.viseme === String(id)) return;
    visemes.push({ viseme: String(id), offsetMs: rounded });
  };
  spans.forEach((span, i) => {
    const ids = span.phonemes.flatMap(ipaToVisemes);
    const weights = ids.map((id) => (isVowelViseme(id) ? VOWEL_WEIGHT : CONSONANT_WEIGHT));
    const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    const length = Math.max(0, span.endMs - span.startMs);
    let cursor = 0;
    ids.forEach((id, j) => {
      push(id, span.startMs + (cursor / total) * length);
      cursor += weights[j] ?? 0;
    });
    const next = spans[i + 1];
    if (!next || next.startMs - span.endMs >= PAUSE_MS) push(SILENCE_VISEME, span.endMs);
  });
  return visemes;
}
