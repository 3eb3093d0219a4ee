import { createHash } from 'node:crypto';
import type { Dialogue } from '../data/types.js';
import { renderChat, type ChatMessage, type ChatTemplateName } from './chatTemplates.js';

export interface SftOptions {
  readonly template: ChatTemplateName;
  readonly systemPrompt: string;
  /** Prefix each supporter message with its `[Strategy]` tag, as a strategy-predicting model emits. */
  readonly strategyTags: boolean;
  /** Fraction of conversations for validation, 0..1. */
  readonly validationFraction: number;
  /** Seeds the conversation split. */
  readonly seed: number;
  /** Most history messages kept before each reply (0 keeps all). */
  readonly historyWindow: number;
}

export interface SftExample {
  readonly id: string;
  readonly conversation: string;
  readonly messages: readonly ChatMessage[];
  readonly prompt: string;
  readonly completion: string;
  readonly text: string;
}

export interface SftSplit {
  readonly train: SftExample[];
  readonly validation: SftExample[];
  readonly duplicateConversations: number;
  readonly duplicateExamples: number;
  /** Supporter turns with no seeker utterance before them: nothing to answer, so not examples. */
  readonly openingTurnsSkipped: number;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * A dialogue as alternating chat messages. A supporter's consecutive utterances form one turn
 * (ESConv often splits a turn in two), each part tagged when tags are on; likewise the seeker's.
 */
function toMessages(dialogue: Dialogue, strategyTags: boolean): ChatMessage[] {
  const messages: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const utterance of dialogue.utterances) {
    if (utterance.text === '') continue;
    const role = utterance.speaker === 'seeker' ? 'user' : 'assistant';
    const text =
      role === 'assistant' && strategyTags && utterance.strategy
        ? `[${utterance.strategy}] ${utterance.text}`
        : utterance.text;
    const last = messages.at(-1);
    if (last?.role === role) last.content = `${last.content} ${text}`;
    else messages.push({ role, content: text });
  }
  return messages;
}

/**
 * Turns dialogues into supervised fine-tuning examples, one per supporter turn with its history.
 * Conversations with identical content are kept once; the split is by conversation (a stable
 * hash of its content and the seed), so no conversation has turns on both sides; identical
 * rendered examples are kept once.
 */
export function buildSft(dialogues: readonly Dialogue[], options: SftOptions): SftSplit {
  const seen = new Set<string>();
  const seenExamples = new Set<string>();
  let duplicateConversations = 0;
  let duplicateExamples = 0;
  let openingTurnsSkipped = 0;
  const train: SftExample[] = [];
  const validation: SftExample[] = [];
  for (const dialogue of dialogues) {
    const messages = toMessages(dialogue, options.strategyTags);
    const fingerprint = sha1(JSON.stringify(messages));
    if (seen.has(fingerprint)) {
      duplicateConversations += 1;
      continue;
    }
    seen.add(fingerprint);
    // The first 8 hex digits of a hash are uniform in [0, 1) after scaling.
    const draw = parseInt(sha1(`${options.seed}:${fingerprint}`).slice(0, 8), 16) / 0x100000000;
    const side = draw < options.validationFraction ? validation : train;
    messages.forEach((message, index) => {
      if (message.role !== 'assistant') return;
      // Chat templates start with the person; an opening greeting by the supporter has no
      // question to answer, and is dropped from later histories too.
      const firstUser = messages.findIndex((m) => m.role === 'user');
      if (firstUser === -1 || index < firstUser) {
        openingTurnsSkipped += 1;
        return;
      }
      let history = messages.slice(firstUser, index);
      if (options.historyWindow > 0 && history.length > options.historyWindow) {
        history = history.slice(history.length - options.historyWindow);
        if (history[0]?.role === 'assistant') history = history.slice(1);
      }
      const rendered = renderChat(options.template, options.systemPrompt, history, message.content);
      const text = rendered.prompt + rendered.completion;
      const key = sha1(text);
      if (seenExamples.has(key)) {
        duplicateExamples += 1;
        return;
      }
      seenExamples.add(key);
      side.push({
        id: `${dialogue.id}:${index}`,
        conversation: dialogue.id,
        messages: [
          ...(options.systemPrompt
            ? [{ role: 'system' as const, content: options.systemPrompt }]
            : []),
          ...history,
          message,
        ],
        prompt: rendered.prompt,
        completion: rendered.completion,
        text,
      });
    });
  }
  return { train, validation, duplicateConversations, duplicateExamples, openingTurnsSkipped };
}
