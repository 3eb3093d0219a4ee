import type { ChatHistoryItem } from 'node-llama-cpp';
import { stripStopwords } from './stopwords.js';

/** A turn of the history: the person's words (and any instruction before them) and the reply. */
export type HistoryTurn = readonly ChatHistoryItem[];

/** Marks the system message that holds the summary of evicted turns. */
export const summaryMarker = 'Summary of the earlier conversation: ';

export function isSummaryItem(item: ChatHistoryItem): boolean {
  return (
    item.type === 'system' && typeof item.text === 'string' && item.text.startsWith(summaryMarker)
  );
}

export function summaryItem(summary: string): ChatHistoryItem {
  return { type: 'system', text: summaryMarker + summary };
}

/**
 * Splits a chat history into its head (the leading system prompt) and its turns, oldest
 * first. A turn starts at a user or system message that follows a reply; summary messages are
 * left out (the caller places the current summary itself).
 */
export function splitHistory(history: readonly ChatHistoryItem[]): {
  head: ChatHistoryItem[];
  turns: ChatHistoryItem[][];
} {
  const head: ChatHistoryItem[] = [];
  const turns: ChatHistoryItem[][] = [];
  let index = 0;
  while (index < history.length && history[index]?.type === 'system') {
    const item = history[index] as ChatHistoryItem;
    if (!isSummaryItem(item)) head.push(item);
    index += 1;
  }
  let current: ChatHistoryItem[] = [];
  for (; index < history.length; index += 1) {
    const item = history[index] as ChatHistoryItem;
    if (isSummaryItem(item)) continue;
    const startsTurn = item.type !== 'model' && current.some((i) => i.type === 'model');
    if (startsTurn) {
      turns.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) turns.push(current);
  return { head, turns };
}

/** The person's and the robot's messages in a history: what the thesis counts as utterances. */
export function countUtterances(history: readonly ChatHistoryItem[]): number {
  return history.filter((item) => item.type === 'user' || item.type === 'model').length;
}

/** The turn with stopwords removed from the person's words and the reply's text. */
export function stripTurn(turn: HistoryTurn): ChatHistoryItem[] {
  return turn.map((item): ChatHistoryItem => {
    if (item.type === 'user') return { ...item, text: stripStopwords(item.text) };
    if (item.type === 'model') {
      return {
        ...item,
        response: item.response.map((part) =>
          typeof part === 'string' ? stripStopwords(part) : part,
        ),
      };
    }
    return item;
  });
}

/** Plain text of a turn for the summarizer: "Person: ...\nCompanion: ...". */
export function turnTranscript(turn: HistoryTurn): string {
  return turn
    .flatMap((item) => {
      if (item.type === 'user') return [`Person: ${item.text}`];
      if (item.type === 'model') {
        const text = item.response.filter((p): p is string => typeof p === 'string').join('');
        return [`Companion: ${text.trim()}`];
      }
      return [];
    })
    .join('\n');
}
