import { parseShortLine, type NumberedUtterance } from '../data/readEsconvShort.js';
import type { Dialogue, Utterance } from '../data/types.js';

/**
 * Rebuilds whole dialogues from an ESConv short split. Its lines are sliding windows of up to
 * five utterances, each numbered with its index in the dialogue, in dialogue order: a line
 * belongs to the dialogue before it when its numbers continue it (ends later, and agrees on
 * every utterance both hold); anything else starts the next dialogue. Utterances after a
 * dialogue's last supporter reply are in no line, so they are not in the result either.
 */
export function shortSplitDialogues(file: string, content: string): Dialogue[] {
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const dialogues: Map<number, Utterance>[] = [];
  let current: Map<number, Utterance> | undefined;
  let lastTurn = -1;
  lines.forEach((line, index) => {
    const utterances = parseShortLine(file, index + 1, line);
    const end = utterances.at(-1)?.turn ?? -1;
    if (!current || end <= lastTurn || !agrees(current, utterances)) {
      current = new Map();
      dialogues.push(current);
    }
    for (const { turn, speaker, text, strategy } of utterances) {
      current.set(turn, { speaker, text, strategy });
    }
    lastTurn = end;
  });
  return dialogues.map((byTurn, index) => ({
    id: String(index),
    situation: '',
    utterances: [...byTurn.entries()].sort(([a], [b]) => a - b).map(([, u]) => u),
  }));
}

function agrees(dialogue: ReadonlyMap<number, Utterance>, line: readonly NumberedUtterance[]) {
  return line.every((u) => {
    const known = dialogue.get(u.turn);
    return known === undefined || (known.text === u.text && known.speaker === u.speaker);
  });
}
