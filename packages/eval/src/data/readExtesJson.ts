import { DatasetError } from '../errors/DatasetError.js';
import { canonicalStrategy, splitStrategyTag } from './strategyTag.js';
import type { Dialogue, Utterance } from './types.js';

const fix =
  'Expected the ExTES JSON layout: an array of {scene, description, content[]}, each content item {"User": text} or {"AI": text, "AI Strategy": label}.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the ExTES JSON (Zheng et al. 2023) into dialogues; "AI" turns are the supporter's. */
export function parseExtesJson(file: string, data: unknown): Dialogue[] {
  if (!Array.isArray(data))
    throw new DatasetError(file, undefined, 'the top level is not an array.', fix);
  return data.map((conversation: unknown, index): Dialogue => {
    const where = `conversation ${index}`;
    if (!isRecord(conversation) || !Array.isArray(conversation.content)) {
      throw new DatasetError(file, undefined, `${where} has no content[] array.`, fix);
    }
    const utterances = conversation.content.map((turn: unknown, turnIndex): Utterance => {
      const at = `${where}, content ${turnIndex}`;
      if (isRecord(turn) && typeof turn.User === 'string') {
        return { speaker: 'seeker', text: turn.User.trim(), strategy: '' };
      }
      if (isRecord(turn) && typeof turn.AI === 'string') {
        const tagged = splitStrategyTag(turn.AI);
        const label = typeof turn['AI Strategy'] === 'string' ? turn['AI Strategy'] : tagged.label;
        return { speaker: 'supporter', text: tagged.text, strategy: canonicalStrategy(label) };
      }
      throw new DatasetError(file, undefined, `${at} has neither a "User" nor an "AI" text.`, fix);
    });
    const text = (key: string): string => {
      const value = conversation[key];
      return typeof value === 'string' ? value : '';
    };
    return { id: String(index), situation: text('description') || text('scene'), utterances };
  });
}
