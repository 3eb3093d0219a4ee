import { createRequire } from 'node:module';
import type { Utterance } from '../data/types.js';

interface StopwordModule {
  readonly eng: readonly string[];
}

// stopword ships CommonJS without type declarations; require it through its CJS entry.
const stopword = createRequire(import.meta.url)('stopword') as StopwordModule;

const englishStopwords: ReadonlySet<string> = new Set(stopword.eng.map((w) => w.toLowerCase()));

/**
 * Removes English stopwords from a text, keeping the other words, with their punctuation, in
 * order. A word matches the list by its letters alone ("I'm," is "i'm"), case-insensitively:
 * the same rule as the llm node's context compaction, so the ablation measures what the robot does.
 */
export function removeStopwords(text: string): string {
  const kept: string[] = [];
  for (const [word] of text.matchAll(/\S+/g)) {
    const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
    if (bare === '' || !englishStopwords.has(bare)) kept.push(word);
  }
  return kept.join(' ');
}

/**
 * The thesis' context ablation: stopwords removed from the history so more utterances fit the
 * context. The person's latest utterance is left whole, since the reply answers it directly.
 */
export function compressHistory(context: readonly Utterance[]): Utterance[] {
  return context.map((utterance, index) =>
    index === context.length - 1 && utterance.speaker === 'seeker'
      ? utterance
      : { ...utterance, text: removeStopwords(utterance.text) },
  );
}
