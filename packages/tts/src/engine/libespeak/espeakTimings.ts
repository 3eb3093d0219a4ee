import type { VisemeTiming, WordTiming } from '../TtsEngine.js';
import { SILENCE_VISEME, ipaToVisemes } from '../visemes/azureVisemes.js';
import { ESPEAK_EVENT_PHONEME, ESPEAK_EVENT_WORD, type EspeakEvent } from './espeakEvents.js';

interface TextWord {
  readonly text: string;
  /** Code-point offsets into the text: espeak-ng counts characters, not UTF-16 units. */
  readonly start: number;
  readonly end: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The text's words (as `Intl.Segmenter` sees them, like the command-line path) with positions. */
function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let unitsSeen = 0;
  let pointsSeen = 0;
  for (const part of segmenter.segment(text)) {
    pointsSeen += [...text.slice(unitsSeen, part.index)].length;
    unitsSeen = part.index;
    const length = [...part.segment].length;
    if (part.isWordLike) {
      words.push({ text: part.segment, start: pointsSeen, end: pointsSeen + length });
    }
  }
  return words;
}

/**
 * Start times of the text's words from espeak-ng's word-boundary events. Each event is given to
 * the word its text position falls in (or the next word, for an event on leading punctuation);
 * a word read as several (`42` is "forty two") keeps its first. espeak-ng also joins some words
 * into one group with a single event (`I am`): the words without an event of their own share the
 * group's voiced phonemes with it, in proportion to their letters, and start at their first one.
 */
function wordStarts(
  words: readonly TextWord[],
  events: readonly EspeakEvent[],
  phonemes: readonly PhonemeSpan[],
  durationMs: number,
): number[] {
  const anchors: (number | undefined)[] = words.map(() => undefined);
  let w = 0;
  for (const event of events) {
    if (event.type !== ESPEAK_EVENT_WORD) continue;
    const position = event.textPosition - 1;
    while (w < words.length && (words[w]?.end ?? 0) <= position) w++;
    if (w >= words.length) break;
    anchors[w] = Math.min(anchors[w] ?? Infinity, event.audioMs);
  }
  const firstAnchor = anchors.find((anchor) => anchor !== undefined) ?? 0;
  const starts = anchors.map((anchor) => anchor ?? firstAnchor);
  for (let i = 0; i < words.length; i++) {
    const groupStart = anchors[i];
    if (groupStart === undefined) continue;
    let k = i + 1;
    while (k < words.length && anchors[k] === undefined) k++;
    if (k === i + 1) continue;
    const groupEnd = anchors[k] ?? durationMs;
    const voiced = phonemes.filter(
      (p) => p.name !== '' && p.startMs >= groupStart && p.startMs < groupEnd,
    );
    const group = words.slice(i, k);
    const letters = group.map((word) => word.end - word.start);
    const total = letters.reduce((sum, n) => sum + n, 0) || 1;
    let before = letters[0] ?? 0;
    for (let j = 1; j < group.length; j++) {
      const share = before / total;
      const index = Math.min(voiced.length - 1, Math.round(share * voiced.length));
      starts[i + j] =
        voiced.length > group.length - 1 && index >= j
          ? (voiced[index]?.startMs ?? groupStart)
          : Math.round(groupStart + share * (groupEnd - groupStart));
      before += letters[j] ?? 0;
    }
    i = k - 1;
  }
  return starts;
}

interface PhonemeSpan {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** Phonemes in time order, each lasting until the next (the last until the audio ends). */
function phonemeSpans(events: readonly EspeakEvent[], endMs: number): PhonemeSpan[] {
  const phonemes = events.filter((event) => event.type === ESPEAK_EVENT_PHONEME);
  return phonemes.map((phoneme, i) => ({
    name: phoneme.name,
    startMs: phoneme.audioMs,
    endMs: Math.max(phoneme.audioMs, phonemes[i + 1]?.audioMs ?? endMs),
  }));
}

/**
 * Word timings from libespeak-ng's word-boundary events: a word starts at its event and ends
 * where its last voiced phoneme ends (before a pause or the next word).
 */
export function espeakWordTimings(
  text: string,
  events: readonly EspeakEvent[],
  durationMs: number,
): WordTiming[] {
  const words = textWords(text);
  const phonemes = phonemeSpans(events, durationMs);
  const starts = wordStarts(words, events, phonemes, durationMs);
  let p = 0;
  return words.map((word, i) => {
    const startMs = starts[i] ?? 0;
    const nextMs = Math.max(startMs, starts[i + 1] ?? durationMs);
    // Phonemes come in time order, so one pass over them serves all words.
    while (p < phonemes.length && (phonemes[p]?.startMs ?? 0) < startMs) p++;
    let endMs = nextMs;
    for (let q = p; q < phonemes.length && (phonemes[q]?.startMs ?? 0) < nextMs; q++) {
      const phoneme = phonemes[q];
      if (phoneme && phoneme.name !== '') endMs = Math.min(nextMs, phoneme.endMs);
    }
    return { text: word.text, offsetMs: startMs, durationMs: Math.max(0, endMs - startMs) };
  });
}

/**
 * Visemes from libespeak-ng's phoneme events (IPA names): each phoneme's viseme ids
 * (ipaToVisemes; `ɛɹ` gives two) share its time equally; a pause (espeak-ng's `_`, an empty IPA
 * name) closes the mouth, as does the end of speech.
 */
export function espeakVisemes(events: readonly EspeakEvent[], durationMs: number): VisemeTiming[] {
  const visemes: VisemeTiming[] = [];
  const push = (id: number, offsetMs: number): void => {
    const rounded = Math.round(offsetMs);
    // Two shapes at the same millisecond: the later one wins, the earlier would never show.
    while ((visemes[visemes.length - 1]?.offsetMs ?? -1) >= rounded) visemes.pop();
    if (visemes[visemes.length - 1]?.viseme === String(id)) return;
    if (visemes.length === 0 && id === SILENCE_VISEME) return;
    visemes.push({ viseme: String(id), offsetMs: rounded });
  };
  const spans = phonemeSpans(events, durationMs);
  for (const span of spans) {
    const ids = span.name === '' ? [SILENCE_VISEME] : ipaToVisemes(span.name);
    const share = (span.endMs - span.startMs) / Math.max(1, ids.length);
    ids.forEach((id, j) => push(id, span.startMs + j * share));
  }
  const last = spans[spans.length - 1];
  if (last && visemes[visemes.length - 1]?.viseme !== String(SILENCE_VISEME)) {
    push(SILENCE_VISEME, last.endMs);
  }
  return visemes;
}
