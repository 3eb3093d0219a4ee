import { defaultContextOptions, stripStopwords } from '@hearth/llm';
import type { Utterance } from '../data/types.js';

/**
 * The thesis' context ablation, done as the robot does it: the llm node's `stopwords` context
 * strategy (its own stopword code, negations kept). The context is read as the node's chat
 * history: the seeker's utterances after the supporter's last one are the pending words, never
 * stripped; before them, a turn begins at each seeker utterance that follows a supporter one
 * (a leading supporter utterance is a turn of its own). The newest `keepRecentTurns` turns stay
 * whole and every older turn loses its stopwords.
 *
 * Unlike the node, which strips only once the history overflows its token budget, this strips
 * whatever the context's length: it measures how replies change when the older turns are read
 * without stopwords, not how much more history fits (`hearth eval context` measures that).
 */
export function compressHistory(
  context: readonly Utterance[],
  keepRecentTurns: number = defaultContextOptions.keepRecentTurns,
): Utterance[] {
  let pendingStart = context.length;
  while (pendingStart > 0 && context[pendingStart - 1]?.speaker === 'seeker') pendingStart -= 1;
  const turnOf: number[] = [];
  let turn = 0;
  for (let index = 0; index < pendingStart; index += 1) {
    const startsTurn =
      index > 0 &&
      context[index]?.speaker === 'seeker' &&
      context[index - 1]?.speaker === 'supporter';
    if (startsTurn) turn += 1;
    turnOf.push(turn);
  }
  const turns = pendingStart === 0 ? 0 : turn + 1;
  const older = turns - Math.min(Math.max(0, keepRecentTurns), turns);
  return context.map((utterance, index) =>
    index < pendingStart && (turnOf[index] ?? 0) < older
      ? { ...utterance, text: stripStopwords(utterance.text) }
      : utterance,
  );
}
