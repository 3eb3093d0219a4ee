import {
  LlamaChatSession,
  type ChatWrapper,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';
import { turnTranscript, type HistoryTurn } from './historyTurns.js';

export interface SummarizerOptions {
  readonly contextSize: number;
  readonly threads: number;
  readonly chatWrapper: ChatWrapper | 'auto';
  /** Most tokens in one summary; default 96. */
  readonly maxTokens?: number;
}

const instructions =
  'You keep notes for a companion robot. Summarize the conversation below in at most three ' +
  'short sentences: what the person shared, how they feel, and anything to remember. ' +
  'Reply with the summary only.';

/**
 * Writes the recursive summary of a session's evicted turns with the same model, on a context
 * of its own so that a session's KV cache is never disturbed: summary n is written from summary
 * n-1 and the turns evicted since. Runs in the background between turns; the caller aborts it
 * when a turn starts, so it never slows a reply.
 */
export class Summarizer {
  private opened: Promise<{ context: LlamaContext; chat: LlamaChatSession }> | undefined;
  private readonly maxTokens: number;

  constructor(
    private readonly model: LlamaModel,
    private readonly options: SummarizerOptions,
  ) {
    this.maxTokens = options.maxTokens ?? 96;
  }

  /** The new summary; throws the signal's reason when aborted. */
  async summarize(
    previous: string,
    turns: readonly HistoryTurn[],
    signal: AbortSignal,
  ): Promise<string> {
    const { chat } = await this.open();
    chat.resetChatHistory();
    const prompt = this.fit(previous, turns);
    const summary = await chat.prompt(prompt, {
      signal,
      maxTokens: this.maxTokens,
      temperature: 0,
    });
    return summary.trim().replace(/\s+/g, ' ');
  }

  async dispose(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (!opened) return;
    const { context, chat } = await opened;
    chat.dispose({ disposeSequence: true });
    await context.dispose();
  }

  /** The prompt, dropping the oldest lines until it fits beside the summary's budget. */
  private fit(previous: string, turns: readonly HistoryTurn[]): string {
    const lines = turns.map(turnTranscript).join('\n').split('\n');
    const room = this.options.contextSize - this.maxTokens - 64;
    const build = (): string =>
      (previous ? `Earlier summary: ${previous}\n\n` : '') + `Conversation:\n${lines.join('\n')}`;
    let prompt = build();
    while (lines.length > 1 && this.model.tokenize(instructions + prompt).length > room) {
      lines.shift();
      prompt = build();
    }
    return prompt;
  }

  private open(): Promise<{ context: LlamaContext; chat: LlamaChatSession }> {
    this.opened ??= (async () => {
      const context = await this.model.createContext({
        contextSize: this.options.contextSize,
        threads: this.options.threads,
        sequences: 1,
      });
      const chat = new LlamaChatSession({
        contextSequence: context.getSequence(),
        systemPrompt: instructions,
        chatWrapper: this.options.chatWrapper,
        autoDisposeSequence: true,
      });
      return { context, chat };
    })();
    return this.opened;
  }
}
