import { EMOTIONS, type Emotion, type EmotionOrNeutral } from './emotions.js';
import {
  AFFECT_LEXICON,
  INTENSIFIERS,
  NEGATORS,
  POSITIVE_TERMS,
  type LexiconEntry,
} from './lexicon.js';

/** One lexicon term found in the text, and how its context changed it. */
export interface AffectCue {
  readonly term: string;
  /** The emotion it counts for, or `positive` for a word of well-being. */
  readonly emotion: Emotion | 'positive';
  /** What it added to that emotion's score (0 when negated). */
  readonly weight: number;
  readonly negated: boolean;
  /** The intensifier's factor (1 when none). */
  readonly modifier: number;
}

export interface AffectEstimate {
  /** The strongest emotion, or neutral when none reaches the threshold. */
  readonly emotion: EmotionOrNeutral;
  /** 0 (none) to 1 (strong). */
  readonly intensity: number;
  /** -1 (negative) to 1 (positive). */
  readonly valence: number;
  /** Each emotion's summed weight, for review and tuning. */
  readonly scores: Readonly<Record<Emotion, number>>;
  readonly cues: readonly AffectCue[];
  /** How many words the text has (a backchannel such as "yeah" has one). */
  readonly wordCount: number;
}

export interface AffectOptions {
  /** A top score below this is reported as neutral (default 0.3: below one hint of a word). */
  readonly neutralBelow?: number;
}

/** How many words before a term a negator or intensifier may stand ("not feeling very sad"). */
const NEGATION_WINDOW = 3;
/** Saturation: one clear term gives an intensity of about 0.6, two about 0.85. */
const SATURATION = 0.9;
/** A negated negative word ("not sad") is a little relief, not nothing. */
const NEGATED_NEGATIVE_RELIEF = 0.3;
/** A negated positive word ("not okay") is a hint of low mood. */
const NEGATED_POSITIVE_SADNESS = 0.5;

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

function words(text: string): string[] {
  const result: string[] = [];
  for (const part of segmenter.segment(text))
    if (part.isWordLike) result.push(part.segment.toLowerCase());
  return result;
}

interface Term {
  readonly words: readonly string[];
  readonly text: string;
  readonly emotion: Emotion | 'positive';
  readonly weight: number;
}

/** Every term, longest first, so "can't get out of bed" wins over a shorter overlap. */
const TERMS: readonly Term[] = [
  ...AFFECT_LEXICON.flatMap((entry: LexiconEntry) =>
    entry.terms.map((text) => ({
      words: words(text),
      text,
      emotion: entry.emotion,
      weight: entry.weight,
    })),
  ),
  ...POSITIVE_TERMS.map((text) => ({
    words: words(text),
    text,
    emotion: 'positive' as const,
    weight: 1,
  })),
].sort((a, b) => b.words.length - a.words.length);

const MODIFIERS = Object.entries(INTENSIFIERS)
  .map(([text, factor]) => ({ words: words(text), factor }))
  .sort((a, b) => b.words.length - a.words.length);

function matchesAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((word, i) => tokens[at + i] === word);
}

function isNegator(word: string): boolean {
  return NEGATORS.includes(word) || word.endsWith("n't");
}

/** The intensifier just before `at` (possibly one word earlier: "so very"), as a factor. */
function modifierBefore(tokens: readonly string[], at: number): number {
  for (const modifier of MODIFIERS) {
    const start = at - modifier.words.length;
    if (start >= 0 && matchesAt(tokens, start, modifier.words)) return modifier.factor;
  }
  return 1;
}

/** Clauses end at punctuation and "but", which also end a negation's reach. */
function clauses(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .split(/[.,;:!?]+|\bbut\b/i)
    .filter((clause) => clause.trim().length > 0);
}

/**
 * Estimates the person's affect from their words: lexicon terms per emotion, turned off by a
 * negator in the few words before them ("not sad"), scaled by an intensifier right before them
 * ("very", "so", "a bit"). A pure function, so every example in the tests is a review of the
 * lexicon. It reads words only: sarcasm, context and tone are beyond it.
 */
export function estimateAffect(text: string, options: AffectOptions = {}): AffectEstimate {
  const neutralBelow = options.neutralBelow ?? 0.3;
  const scores = Object.fromEntries(EMOTIONS.map((emotion) => [emotion, 0])) as Record<
    Emotion,
    number
  >;
  let positive = 0;
  let wordCount = 0;
  const cues: AffectCue[] = [];
  for (const clause of clauses(text)) {
    const tokens = words(clause);
    wordCount += tokens.length;
    for (let at = 0; at < tokens.length;) {
      const term = TERMS.find((candidate) => matchesAt(tokens, at, candidate.words));
      if (!term) {
        at++;
        continue;
      }
      const negated = tokens.slice(Math.max(0, at - NEGATION_WINDOW), at).some(isNegator);
      const modifier = modifierBefore(tokens, at);
      const weight = negated ? 0 : term.weight * modifier;
      if (term.emotion === 'positive') {
        if (negated) scores.sadness += NEGATED_POSITIVE_SADNESS * modifier;
        else positive += weight;
      } else {
        scores[term.emotion] += weight;
        if (negated) positive += NEGATED_NEGATIVE_RELIEF;
      }
      cues.push({ term: term.text, emotion: term.emotion, weight, negated, modifier });
      at += term.words.length;
    }
  }
  const [top, topScore] = EMOTIONS.map((emotion): [Emotion, number] => [
    emotion,
    scores[emotion],
  ]).reduce((best, next) => (next[1] > best[1] ? next : best));
  const negative = EMOTIONS.reduce((sum, emotion) => sum + scores[emotion], 0);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    emotion: topScore >= neutralBelow ? top : 'neutral',
    intensity: topScore >= neutralBelow ? round(1 - Math.exp(-SATURATION * topScore)) : 0,
    valence: round(Math.tanh(positive - negative)),
    scores,
    cues,
    wordCount,
  };
}
