import type { Dialogue, EvalExample } from './types.js';

/**
 * One example per supporter turn that follows at least one utterance: its gold reply and the
 * `window` utterances before it (ESConv's short splits use 4 context utterances, so 4 is the
 * default and makes dialogue files comparable with them). Ids run across all dialogues.
 */
export function dialogueExamples(dialogues: readonly Dialogue[], window = 4): EvalExample[] {
  const examples: EvalExample[] = [];
  for (const dialogue of dialogues) {
    dialogue.utterances.forEach((utterance, index) => {
      if (utterance.speaker !== 'supporter' || index === 0 || utterance.text === '') return;
      examples.push({
        id: examples.length,
        dialogueId: dialogue.id,
        context: dialogue.utterances.slice(Math.max(0, index - window), index),
        gold: utterance.text,
        goldStrategy: utterance.strategy,
      });
    });
  }
  return examples;
}
