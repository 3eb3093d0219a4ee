import type { ChatHistoryItem } from 'node-llama-cpp';
import { stripStrategyTag } from '../strategies.js';

/**
 * What the model is told in the turn after a barge-in, just before the person's words: its
 * history now holds only what was heard, and this says why the reply stops mid-way.
 */
export const interruptionNote =
  'The person interrupted your previous reply; they heard only the part of it shown above ' +
  '("…" when they heard none of it). ' +
  'Do not repeat it; answer what they say now.';

/**
 * The history with its last reply replaced by the part the person heard (after a barge-in),
 * or undefined when there is nothing to replace (no reply yet, or the reply already reads so).
 * A leading strategy tag of the stored reply is kept, so the model still sees its own format.
 * Everything before the reply is untouched, so the KV cache keeps that prefix and is cut only
 * from the changed reply on.
 */
export function withHeardReply(
  history: readonly ChatHistoryItem[],
  heard: string,
): ChatHistoryItem[] | undefined {
  const index = history.findLastIndex((item) => item.type === 'model');
  const last = history[index];
  // Only the reply that ends the history is the previous one; a later user message means the
  // interrupted turn never reached the history (cancelled before its first token).
  if (last?.type !== 'model' || index !== history.length - 1) return undefined;
  const stored = last.response.filter((part): part is string => typeof part === 'string').join('');
  const { label } = stripStrategyTag(stored);
  // An ellipsis stands for a reply cut before its first word: the turn stays in the history
  // (chat templates expect the roles to alternate) but none of its words do.
  const said = heard.trim() === '' ? '…' : heard.trim();
  const text = label ? `[${label}] ${said}` : said;
  if (text === stored) return undefined;
  const replaced: ChatHistoryItem = { type: 'model', response: [text] };
  return [...history.slice(0, index), replaced];
}
