import {
  LlamaChatSession,
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';
import { compactHistory } from '../context/compactHistory.js';
import type { ContextOptions } from '../context/ContextOptions.js';
import { interruptionNote, withHeardReply } from '../context/heardReply.js';
import {
  countUtterances,
  splitHistory,
  summaryItem,
  type HistoryTurn,
} from '../context/historyTurns.js';
import type { ContextStrategy } from '../types.js';
import { SerialQueue } from './SerialQueue.js';

export interface LoraOptions {
  readonly filePath: string;
  readonly scale: number;
}

export interface ModelSessionOptions {
  readonly contextSize: number;
  readonly threads: number;
  readonly systemPrompt: string;
  readonly chatWrapper: ChatWrapper | 'auto';
  readonly lora?: LoraOptions;
}

/** How this turn's history was fitted into the context. */
/** What the person heard of the session's previous reply (see GenerateRequest). */
export interface PreviousReply {
  readonly heard: string;
  readonly interrupted: boolean;
}

export interface TurnFit {
  readonly contextStrategy: ContextStrategy;
  /** True when old turns were stripped or dropped this turn (the cached prefix was cut). */
  readonly compacted: boolean;
  /** True when the last reply was replaced by the part the person heard (a barge-in). */
  readonly replacedReply: boolean;
}

/**
 * One dialogue session on the model: its own context and sequence, so the KV cache built by one
 * turn is reused by the next and only the new turn's tokens are evaluated. Turns run one at a
 * time. Before each turn the history is fitted into the token budget (see compactHistory); the
 * session also holds the summary of its evicted turns for the summary strategy.
 */
export class ModelSession {
  readonly queue = new SerialQueue();
  /** Evicted turns not yet folded into the summary, oldest first. */
  readonly unsummarized: HistoryTurn[] = [];
  private summaryText = '';
  private summaryInHistory = false;
  /** The history before the last turn was fitted: a turn asked again starts from it. */
  private beforeLastTurn: { history: ChatHistoryItem[]; summaryInHistory: boolean } | null = null;
  private disposed = false;

  private constructor(
    readonly id: string,
    private readonly model: LlamaModel,
    private readonly options: ModelSessionOptions,
    private context: LlamaContext,
    private chatSession: LlamaChatSession,
  ) {}

  static async create(
    id: string,
    model: LlamaModel,
    options: ModelSessionOptions,
  ): Promise<ModelSession> {
    const { context, chat } = await openChat(model, options, options.lora);
    return new ModelSession(id, model, options, context, chat);
  }

  get chat(): LlamaChatSession {
    return this.chatSession;
  }

  /** Tokens now held in this session's KV cache. */
  get tokenCount(): number {
    return this.chatSession.sequence.nextTokenIndex;
  }

  /** Input tokens the sequence has evaluated since it was created. */
  get inputTokensUsed(): number {
    return this.chatSession.sequence.tokenMeter.usedInputTokens;
  }

  /** The summary of evicted turns ('' until the first is written). */
  get summary(): string {
    return this.summaryText;
  }

  /** A new summary of everything evicted so far; it enters the history on the next turn. */
  setSummary(summary: string): void {
    this.summaryText = summary;
    this.summaryInHistory = false;
  }

  /**
   * Fits the history for a turn whose reply may take `replyBudget` tokens, and adds the turn's
   * instruction. Under budget the history only grows (a ready summary is appended, not
   * inserted, so the cached prefix survives); over budget it is compacted by the strategy.
   * A turn `reasked` (the last one again, after it was cancelled before a word was said) starts
   * from the history as it was before that attempt: its note, words and abandoned reply go.
   */
  fitTurn(
    userText: string,
    instruction: string | undefined,
    replyBudget: number,
    context: ContextOptions,
    previousReply: PreviousReply = { heard: '', interrupted: false },
    reasked = false,
  ): TurnFit {
    const restored = reasked ? this.beforeLastTurn : null;
    if (restored !== null) this.summaryInHistory = restored.summaryInHistory;
    const stored = restored?.history ?? this.chatSession.getChatHistory();
    this.beforeLastTurn = { history: stored, summaryInHistory: this.summaryInHistory };
    // After a barge-in the history keeps only what the person heard of the last reply, and the
    // model is told why it stops mid-way (a heard text also means the reply was cut).
    const interrupted = previousReply.interrupted || previousReply.heard.trim() !== '';
    const heard = interrupted ? withHeardReply(stored, previousReply.heard) : undefined;
    const history = heard ?? stored;
    const note = [interrupted ? interruptionNote : '', instruction ?? ''].filter((t) => t !== '');
    const pending: ChatHistoryItem[] = [
      ...(note.length > 0 ? [{ type: 'system' as const, text: note.join('\n') }] : []),
      { type: 'user', text: userText },
    ];
    const newSummary =
      context.strategy === 'summary' && this.summaryText !== '' && !this.summaryInHistory
        ? [summaryItem(this.summaryText)]
        : [];
    const budget = Math.max(1, this.options.contextSize - replyBudget);
    const grown = [...history, ...newSummary];
    let compacted = false;
    let next: ChatHistoryItem[];
    if (this.countTokens([...grown, ...pending]) <= budget) {
      next = grown;
      if (newSummary.length > 0) this.summaryInHistory = true;
    } else {
      const { head, turns } = splitHistory(history);
      const summaryHead =
        context.strategy === 'summary' && this.summaryText !== ''
          ? [summaryItem(this.summaryText)]
          : [];
      const fitted = compactHistory({
        head: [...head, ...summaryHead],
        turns,
        pending,
        budget,
        target: Math.floor(budget * (1 - context.evictFraction)),
        strategy: context.strategy,
        keepRecentTurns: context.keepRecentTurns,
        countTokens: (items) => this.countTokens(items),
      });
      compacted = fitted.compacted;
      next = [...head, ...summaryHead, ...fitted.turns.flat()];
      this.summaryInHistory = summaryHead.length > 0;
      if (context.strategy === 'summary') this.unsummarized.push(...fitted.evicted);
    }
    const withNote = note.length > 0 ? [...next, pending[0] as ChatHistoryItem] : next;
    // node-llama-cpp compares the new history's tokens with the KV cache and evaluates from the
    // first difference: a replaced reply cuts the cached prefix there, and no sooner.
    if (
      restored !== null ||
      compacted ||
      heard !== undefined ||
      withNote.length !== stored.length
    ) {
      this.chatSession.setChatHistory(withNote);
    }
    return {
      contextStrategy:
        context.strategy === 'summary' && !this.summaryInHistory ? 'window' : context.strategy,
      compacted,
      replacedReply: heard !== undefined,
    };
  }

  /** The history as it stands (a copy): system prompt, turns, replies. */
  get history(): ChatHistoryItem[] {
    return this.chatSession.getChatHistory();
  }

  /** Utterances in the history as it stands (after a turn: including its reply). */
  get utterances(): number {
    return countUtterances(this.chatSession.getChatHistory());
  }

  /**
   * Applies a LoRA adapter at a new scale (or none). llama.cpp fixes adapters when a context is
   * created, so the context is rebuilt; the history is kept and evaluated again on the next turn.
   */
  async setLora(lora: LoraOptions | undefined): Promise<void> {
    const history = this.chatSession.getChatHistory();
    const { context, chat } = await openChat(this.model, this.options, lora);
    this.chatSession.dispose({ disposeSequence: true });
    await this.context.dispose();
    this.context = context;
    this.chatSession = chat;
    chat.setChatHistory(history);
  }

  /** Waits for the running turn, then frees the context's native memory. Idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue.idle();
    this.chatSession.dispose({ disposeSequence: true });
    await this.context.dispose();
  }

  /** Tokens the history takes as the model sees it, with the template's reply prefix. */
  private countTokens(history: readonly ChatHistoryItem[]): number {
    const { contextText } = this.chatSession.chatWrapper.generateContextState({
      chatHistory: [...history, { type: 'model', response: [] }],
    });
    return contextText.tokenize(this.model.tokenizer).length;
  }
}

async function openChat(
  model: LlamaModel,
  options: ModelSessionOptions,
  lora: LoraOptions | undefined,
): Promise<{ context: LlamaContext; chat: LlamaChatSession }> {
  const context = await model.createContext({
    contextSize: options.contextSize,
    threads: options.threads,
    sequences: 1,
    ...(lora ? { lora: { adapters: [{ filePath: lora.filePath, scale: lora.scale }] } } : {}),
  });
  const chat = new LlamaChatSession({
    contextSequence: context.getSequence(),
    systemPrompt: options.systemPrompt,
    chatWrapper: options.chatWrapper,
    autoDisposeSequence: true,
  });
  return { context, chat };
}
