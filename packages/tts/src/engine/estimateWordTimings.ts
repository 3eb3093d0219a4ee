import type { PcmAudio } from '@hearth/audio';
import type { Segment } from '../audio/voicedSegments.js';
import { voicedSegments } from '../audio/voicedSegments.js';
import type { WordTiming } from './TtsEngine.js';

interface TextWord {
  readonly text: string;
  readonly weight: number;
  /** True when punctuation after this word makes the synthesizer pause (a clause boundary). */
  readonly pauseAfter: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const VOWEL_GROUPS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]+/giu;
const CLAUSE_PUNCTUATION = /[,.!?;:…]/u;

/**
 * A word's relative spoken length: its syllables (vowel groups), plus a little for its letters
 * (consonant clusters take time too). Digits are read out as words of about two syllables each.
 */
export function wordWeight(word: string): number {
  const letters = [...word].length;
  const digits = (word.match(/\p{Nd}/gu) ?? []).length;
  const syllables = (word.match(VOWEL_GROUPS) ?? []).length;
  const base = syllables > 0 ? syllables : digits > 0 ? 0 : Math.max(1, letters / 2);
  return base + digits * 2 + letters * 0.1;
}

/** The text's words in order, with weights and clause boundaries. */
export function textWords(text: string): TextWord[] {
  const words: { text: string; end: number }[] = [];
  for (const part of segmenter.segment(text)) {
    if (part.isWordLike) words.push({ text: part.segment, end: part.index + part.segment.length });
  }
  return words.map((word, i) => {
    const next = words[i + 1];
    const gap = next ? text.slice(word.end, next.end - next.text.length) : '';
    return {
      text: word.text,
      weight: wordWeight(word.text),
      pauseAfter: CLAUSE_PUNCTUATION.test(gap),
    };
  });
}

/** Spreads `words` over `segment` in proportion to their weights. */
function spread(words: readonly TextWord[], segment: Segment): WordTiming[] {
  const total = words.reduce((sum, word) => sum + word.weight, 0) || 1;
  const span = segment.endMs - segment.startMs;
  let cursor = 0;
  return words.map((word) => {
    const offsetMs = segment.startMs + (cursor / total) * span;
    cursor += word.weight;
    const durationMs = (word.weight / total) * span;
    return { text: word.text, offsetMs: Math.round(offsetMs), durationMs: Math.round(durationMs) };
  });
}

/** Splits words into clauses at the words followed by a pause. */
function clauses(words: readonly TextWord[]): TextWord[][] {
  const result: TextWord[][] = [[]];
  for (const word of words) {
    result[result.length - 1]?.push(word);
    if (word.pauseAfter) result.push([]);
  }
  return result.filter((clause) => clause.length > 0);
}

/**
 * Word start offsets for `text` spoken as `audio`.
 *
 * espeak-ng's command line gives no timing events (those are only in its C library, and `--pho`
 * needs an mbrola voice, not installed here), so timings are estimated from the real audio:
 * the voiced stretches between the synthesizer's clause pauses are found in the samples; when
 * their number matches the text's clauses, each clause is anchored to its stretch, otherwise the
 * whole voiced span is used. Within a stretch, words get time in proportion to their syllables.
 * Accurate to roughly a syllable, which is enough for gestures and self-hearing suppression.
 */
export function estimateWordTimings(text: string, audio: PcmAudio): WordTiming[] {
  const words = textWords(text);
  if (words.length === 0) return [];
  const segments = voicedSegments(audio);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return spread(words, { startMs: 0, endMs: 0 });
  const textClauses = clauses(words);
  if (textClauses.length === segments.length) {
    return textClauses.flatMap((clause, i) => spread(clause, segments[i] ?? first));
  }
  return spread(words, { startMs: first.startMs, endMs: last.endMs });
}
