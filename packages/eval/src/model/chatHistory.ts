import type { ChatHistoryItem } from 'node-llama-cpp';
import type { Utterance } from '../data/types.js';

/**
 * An example's context as a chat: the seeker is the user, the supporter the model. Consecutive
 * utterances by one speaker (ESConv has many) become one message, since chat templates expect
 * the roles to alternate.
 */
export function toChatHistory(
  systemPrompt: string,
  context: readonly Utterance[],
): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = systemPrompt ? [{ type: 'system', text: systemPrompt }] : [];
  for (const utterance of context) {
    const last = items.at(-1);
    if (utterance.speaker === 'seeker') {
      if (last?.type === 'user') last.text = `${last.text} ${utterance.text}`;
      else items.push({ type: 'user', text: utterance.text });
    } else if (last?.type === 'model') {
      last.response = [`${last.response.join('')} ${utterance.text}`];
    } else {
      items.push({ type: 'model', response: [utterance.text] });
    }
  }
  return items;
}
