import { LlamaChatSession, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import { SerialQueue } from './SerialQueue.js';

export interface ModelSessionOptions {
  readonly contextSize: number;
  readonly threads: number;
  readonly systemPrompt: string;
}

/**
 * One dialogue session on the model: its own context and sequence, so the KV cache built by one
 * turn is reused by the next and only the new turn's tokens are evaluated. Turns run one at a
 * time.
 */
export class ModelSession {
  readonly queue = new SerialQueue();
  private disposed = false;

  private constructor(
    readonly id: string,
    private readonly context: LlamaContext,
    readonly chat: LlamaChatSession,
  ) {}

  static async create(
    id: string,
    model: LlamaModel,
    options: ModelSessionOptions,
  ): Promise<ModelSession> {
    const context = await model.createContext({
      contextSize: options.contextSize,
      threads: options.threads,
      sequences: 1,
    });
    const chat = new LlamaChatSession({
      contextSequence: context.getSequence(),
      systemPrompt: options.systemPrompt,
      autoDisposeSequence: true,
    });
    return new ModelSession(id, context, chat);
  }

  /** Tokens now held in this session's KV cache. */
  get tokenCount(): number {
    return this.chat.sequence.nextTokenIndex;
  }

  /** Input tokens the sequence has evaluated since it was created. */
  get inputTokensUsed(): number {
    return this.chat.sequence.tokenMeter.usedInputTokens;
  }

  /** Waits for the running turn, then frees the context's native memory. Idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue.idle();
    this.chat.dispose({ disposeSequence: true });
    await this.context.dispose();
  }
}
