import { performance } from 'node:perf_hooks';
import {
  LlamaLogLevel,
  type ChatHistoryItem,
  type ChatWrapper,
  type Llama,
  type LlamaModel,
} from 'node-llama-cpp';
import { callSafely } from '../callSafely.js';
import { chatWrapperFor, checkChatTemplateFamily } from '../chat/chatTemplateFamilies.js';
import { defaultContextOptions, type ContextOptions } from '../context/ContextOptions.js';
import { Summarizer } from '../context/Summarizer.js';
import { LoraAdapterError } from '../errors/LoraAdapterError.js';
import { UnknownChatTemplateError } from '../errors/UnknownChatTemplateError.js';
import { ModelLoadError } from '../errors/ModelLoadError.js';
import { ModelFileError } from '../errors/ModelFileError.js';
import { defaultPersonaPrompt } from '../persona.js';
import { physicalCoreCount } from '../physicalCoreCount.js';
import { ReplyAssembler, type AssembledSentence } from '../ReplyAssembler.js';
import {
  defaultSampling,
  type ReplyOptions,
  type ReplyRequest,
  type ReplyResult,
  type ReplyEngine,
  type SamplingOptions,
} from '../types.js';
import { checkModelFile, checkModelFileHead } from './checkModelFile.js';
import { checkMemory, estimateMemory, type MemoryLimit } from './memoryEstimate.js';
import { loadLlama } from './loadLlama.js';
import { ModelSession, type LoraOptions } from './ModelSession.js';

export type EngineLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LlamaEngineOptions {
  readonly modelPath: string;
  /** CPU threads for decoding; defaults to the physical core count. */
  readonly threads?: number;
  /** Tokens of history each session keeps; defaults to 2048. */
  readonly contextSize?: number;
  /** Sessions kept in memory at once; the least recently used is dropped. Defaults to 2. */
  readonly maxSessions?: number;
  /**
   * Chat template family (chatml, llama2, mistral, phi3, llama3) for a model whose GGUF has no
   * template; '' (the default) lets node-llama-cpp resolve it from the file.
   */
  readonly chatTemplate?: string;
  /** A LoRA adapter (GGUF) applied to every session's context at the given scale. */
  readonly lora?: LoraOptions;
  /**
   * Refuse, before loading, a model whose weights and sessions' KV caches would not fit in
   * memory (limit: free memory unless given, minus a margin kept for the rest of the robot).
   */
  readonly memory?: MemoryLimit;
  /** Most tokens in one background summary (summary strategy); default 96. */
  readonly summaryMaxTokens?: number;
  /** Locale for sentence splitting; defaults to 'en'. */
  readonly locale?: string;
  /** Receives llama.cpp's warnings and errors and the engine's own notes. */
  readonly log?: (level: EngineLogLevel, message: string) => void;
}

/**
 * Generates replies with a GGUF model through node-llama-cpp, on the CPU. Never downloads or
 * compiles anything: it uses the prebuilt binary shipped with node-llama-cpp and fails with a
 * clear error if there is none.
 */
export class LlamaEngine implements ReplyEngine {
  readonly kind = 'model';
  private readonly sessions = new Map<string, ModelSession>();
  private readonly opening = new Map<string, Promise<ModelSession>>();
  private readonly summarizer: Summarizer;
  private summaryRun: { controller: AbortController; done: Promise<void> } | undefined;
  private activeTurns = 0;
  private lora: LoraOptions | undefined;
  private disposed = false;

  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    readonly modelPath: string,
    readonly threads: number,
    readonly contextSize: number,
    private readonly maxSessions: number,
    private readonly locale: string,
    private readonly log: (level: EngineLogLevel, message: string) => void,
    private readonly chatWrapper: ChatWrapper | 'auto',
    lora: LoraOptions | undefined,
    summaryMaxTokens: number | undefined,
  ) {
    this.lora = lora;
    this.summarizer = new Summarizer(model, {
      contextSize,
      threads,
      chatWrapper,
      maxTokens: summaryMaxTokens,
    });
  }

  /**
   * Checks and loads the model. Throws a ModelFileError subclass naming the file and the fix
   * when the file is missing, not GGUF, truncated or refused by llama.cpp.
   */
  static async load(options: LlamaEngineOptions): Promise<LlamaEngine> {
    const threads = options.threads && options.threads > 0 ? options.threads : physicalCoreCount();
    const log = options.log ?? (() => undefined);
    // Fail fast on a missing or foreign file or an unknown template, before the native binding
    // loads.
    await checkModelFileHead(options.modelPath);
    if (options.chatTemplate) checkChatTemplateFamily(options.chatTemplate);
    const llama = await loadLlama({
      maxThreads: threads,
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => log(toEngineLevel(level), message.trim()),
    });
    try {
      const info = await checkModelFile(options.modelPath, llama);
      const contextSize = options.contextSize ?? 2048;
      const maxSessions = Math.max(1, options.maxSessions ?? 2);
      const estimate = await estimateMemory(info, llama, { contextSize, sessions: maxSessions });
      checkMemory(options.modelPath, estimate, options.memory);
      const hasTemplate = typeof info.metadata?.tokenizer?.chat_template === 'string';
      const chatWrapper = chatWrapperFor(options.chatTemplate ?? '', hasTemplate);
      if (!hasTemplate) {
        log(
          options.chatTemplate ? 'info' : 'warn',
          options.chatTemplate
            ? `${options.modelPath} has no chat template; using the ${options.chatTemplate} family.`
            : `${options.modelPath} has no chat template and no chat_template family is set; ` +
                "node-llama-cpp guesses one. Set the llm parameter chat_template to the model's family.",
        );
      }
      const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers: 0 });
      if (options.lora) await probeLora(model, options.lora);
      return new LlamaEngine(
        llama,
        model,
        options.modelPath,
        threads,
        contextSize,
        maxSessions,
        options.locale ?? 'en',
        log,
        chatWrapper,
        options.lora,
        options.summaryMaxTokens,
      );
    } catch (error) {
      await llama.dispose();
      const named =
        error instanceof ModelFileError ||
        error instanceof LoraAdapterError ||
        error instanceof UnknownChatTemplateError;
      throw named ? error : new ModelLoadError(options.modelPath, error);
    }
  }

  /** Tokens in a session's KV cache (0 for an unknown session). */
  sessionTokenCount(sessionId: string): number {
    return this.sessions.get(sessionId)?.tokenCount ?? 0;
  }

  /** A copy of a session's chat history ([] for an unknown session), for tests and tools. */
  sessionHistory(sessionId: string): ChatHistoryItem[] {
    return this.sessions.get(sessionId)?.history ?? [];
  }

  /**
   * The text a session's KV cache holds, special tokens included ('' for an unknown session):
   * shows that the cache matches the history after it was changed (tests, debugging).
   */
  sessionCachedText(sessionId: string): string {
    const tokens = this.sessions.get(sessionId)?.chat.sequence.contextTokens ?? [];
    return this.model.detokenize(tokens, true);
  }

  /** The summary of a session's evicted turns ('' when none yet). */
  sessionSummary(sessionId: string): string {
    return this.sessions.get(sessionId)?.summary ?? '';
  }

  /** The LoRA adapter's current scale (undefined without one). */
  get loraScale(): number | undefined {
    return this.lora?.scale;
  }

  async generate(request: ReplyRequest, options: ReplyOptions = {}): Promise<ReplyResult> {
    const start = performance.now();
    if (options.signal?.aborted) return this.cancelledBeforeStart(start);
    // A background summary must not compete with a reply for the CPU: stop it, redo it later.
    this.activeTurns += 1;
    this.summaryRun?.controller.abort();
    try {
      const session = await this.sessionFor(request.sessionId, options.personaPrompt);
      return await session.queue.run(() => this.runTurn(session, request, options, start));
    } finally {
      this.activeTurns -= 1;
      this.scheduleSummaries();
    }
  }

  /**
   * Rebuilds every session's context with the adapter at the new scale; histories are kept (and
   * evaluated again on their next turn). Sessions opened later use the new scale.
   */
  async setLoraScale(scale: number): Promise<void> {
    if (!this.lora) {
      this.log('warn', 'lora_scale changed, but no LoRA adapter is loaded (lora_path is empty).');
      return;
    }
    if (scale === this.lora.scale) return;
    const lora = { filePath: this.lora.filePath, scale };
    this.lora = lora;
    await Promise.all(
      [...this.sessions.values()].map((session) => session.queue.run(() => session.setLora(lora))),
    );
  }

  /** Settles when no background summary is running or due (for tests and shutdown). */
  async summariesIdle(): Promise<void> {
    while (this.summaryRun) await this.summaryRun.done;
  }

  async endSession(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    await session?.dispose();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.allSettled(this.opening.values());
    this.summaryRun?.controller.abort();
    await this.summaryRun?.done;
    await this.summarizer.dispose();
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session.dispose()));
    await this.model.dispose();
    await this.llama.dispose();
  }

  private async runTurn(
    session: ModelSession,
    request: ReplyRequest,
    options: ReplyOptions,
    start: number,
  ): Promise<ReplyResult> {
    const { signal } = options;
    const sampling: SamplingOptions = { ...defaultSampling, ...options.sampling };
    const assembler = new ReplyAssembler(this.locale);
    const inputBefore = session.inputTokensUsed;
    let promptTokens: number | undefined;
    let firstTokenAt: number | undefined;
    let generatedTokens = 0;
    let sentenceIndex = 0;
    const onListenerError = (error: unknown): void =>
      this.log('warn', `A reply listener threw; generation goes on: ${String(error)}`);

    const markFirstToken = (): void => {
      if (firstTokenAt !== undefined) return;
      firstTokenAt = performance.now();
      // Until the first token, everything evaluated was prompt.
      promptTokens = session.inputTokensUsed - inputBefore;
    };
    const emit = (sentences: readonly AssembledSentence[]): void => {
      for (const { text, strategy } of sentences) {
        // After a cancel nothing more may be spoken, even what was already generated.
        if (signal?.aborted) return;
        const firstTokenMs = (firstTokenAt ?? performance.now()) - start;
        const sentence = { text, index: sentenceIndex, strategy, firstTokenMs };
        sentenceIndex += 1;
        callSafely(options.onSentence, sentence, onListenerError);
      }
    };

    if (signal?.aborted) return this.cancelledBeforeStart(start);
    const context: ContextOptions = { ...defaultContextOptions, ...options.context };
    const fit = session.fitTurn(
      request.userText,
      request.instruction,
      sampling.maxTokens,
      context,
      {
        heard: request.previousReplyHeard ?? '',
        interrupted: request.previousReplyInterrupted === true,
      },
      request.reasked === true,
    );
    if (fit.replacedReply) {
      this.log('debug', `Session ${session.id}: the last reply was cut to what the person heard.`);
    }
    if (fit.compacted) {
      this.log(
        'debug',
        `Session ${session.id}: history over budget; compacted by ${fit.contextStrategy}.`,
      );
    }

    let cancelled: boolean;
    try {
      const response = await session.chat.promptWithMeta(request.userText, {
        signal,
        stopOnAbortSignal: true,
        maxTokens: sampling.maxTokens,
        temperature: sampling.temperature,
        topP: sampling.topP,
        topK: sampling.topK,
        seed: sampling.seed >= 0 ? sampling.seed : undefined,
        onToken: (tokens) => {
          markFirstToken();
          generatedTokens += tokens.length;
          callSafely(options.onTokens, tokens.length, onListenerError);
        },
        onTextChunk: (text) => {
          markFirstToken();
          callSafely(options.onTextChunk, text, onListenerError);
          emit(assembler.pushSentences(text));
        },
      });
      cancelled = response.stopReason === 'abort' || signal?.aborted === true;
    } catch (error) {
      // Aborted before the first token: node-llama-cpp throws the signal's reason.
      if (!signal?.aborted) throw error;
      cancelled = true;
    }
    if (!cancelled) emit(assembler.finishSentences());
    for (const label of assembler.unknownLabels) {
      this.log('debug', `Stripped an unknown strategy tag [${label}] from a reply.`);
    }

    const end = performance.now();
    const firstTokenMs = firstTokenAt === undefined ? end - start : firstTokenAt - start;
    const decodeSeconds = firstTokenAt === undefined ? 0 : (end - firstTokenAt) / 1000;
    return {
      reply: assembler.reply,
      strategy: assembler.strategy,
      fallback: false,
      cancelled,
      promptTokensEvaluated: promptTokens ?? session.inputTokensUsed - inputBefore,
      generatedTokens,
      firstTokenMs,
      totalMs: end - start,
      tokensPerSecond:
        generatedTokens > 1 && decodeSeconds > 0 ? (generatedTokens - 1) / decodeSeconds : 0,
      contextStrategy: fit.contextStrategy,
      contextCompacted: fit.compacted,
      historyUtterances: session.utterances,
    };
  }

  /**
   * Starts the next due background summary when no turn is running: one at a time, for the
   * first session with evicted turns not yet summarized. An aborted run leaves its turns due.
   */
  private scheduleSummaries(): void {
    if (this.disposed || this.activeTurns > 0 || this.summaryRun) return;
    const session = [...this.sessions.values()].find((s) => s.unsummarized.length > 0);
    if (!session) return;
    const turns = [...session.unsummarized];
    const controller = new AbortController();
    const done = this.summarizer
      .summarize(session.summary, turns, controller.signal)
      .then((summary) => {
        if (controller.signal.aborted) return;
        session.unsummarized.splice(0, turns.length);
        if (summary !== '') session.setSummary(summary);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // A summary is a nicety: without one the session goes on as a window.
        session.unsummarized.splice(0, turns.length);
        this.log('warn', `Summarizing session ${session.id} failed: ${String(error)}`);
      })
      .finally(() => {
        this.summaryRun = undefined;
        this.scheduleSummaries();
      });
    this.summaryRun = { controller, done };
  }

  private cancelledBeforeStart(start: number): ReplyResult {
    const totalMs = performance.now() - start;
    return {
      reply: '',
      strategy: '',
      fallback: false,
      cancelled: true,
      promptTokensEvaluated: 0,
      generatedTokens: 0,
      firstTokenMs: totalMs,
      totalMs,
      tokensPerSecond: 0,
      contextStrategy: defaultContextOptions.strategy,
      contextCompacted: false,
      historyUtterances: 0,
    };
  }

  private async sessionFor(
    sessionId: string,
    personaPrompt: string | undefined,
  ): Promise<ModelSession> {
    if (this.disposed) throw new Error('LlamaEngine was disposed; load a new one to generate.');
    const existing = this.sessions.get(sessionId);
    if (existing) {
      // Map order is recency order: move the session to the end.
      this.sessions.delete(sessionId);
      this.sessions.set(sessionId, existing);
      return existing;
    }
    const pending = this.opening.get(sessionId);
    if (pending) return pending;
    const opening = this.openSession(sessionId, personaPrompt ?? defaultPersonaPrompt);
    this.opening.set(sessionId, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(sessionId);
    }
  }

  private async openSession(sessionId: string, systemPrompt: string): Promise<ModelSession> {
    while (this.sessions.size >= this.maxSessions) {
      const [oldestId, oldest] = this.sessions.entries().next().value ?? [];
      if (oldestId === undefined || !oldest) break;
      this.sessions.delete(oldestId);
      this.log(
        'info',
        `Dropping session ${oldestId}'s history to make room (max ${this.maxSessions}).`,
      );
      await oldest.dispose();
    }
    const session = await ModelSession.create(sessionId, this.model, {
      contextSize: this.contextSize,
      threads: this.threads,
      systemPrompt,
      chatWrapper: this.chatWrapper,
      lora: this.lora,
    });
    this.sessions.set(sessionId, session);
    return session;
  }
}

/**
 * Checks a LoRA adapter before any session needs it: the file must be GGUF, and llama.cpp must
 * accept it for this model (shapes, architecture) in a small throwaway context.
 */
async function probeLora(model: LlamaModel, lora: LoraOptions): Promise<void> {
  try {
    await checkModelFileHead(lora.filePath);
  } catch (error) {
    throw new LoraAdapterError(
      lora.filePath,
      error instanceof Error ? error.message : String(error),
      { cause: error },
    );
  }
  try {
    const context = await model.createContext({
      contextSize: 256,
      threads: 1,
      lora: { adapters: [{ filePath: lora.filePath, scale: lora.scale }] },
    });
    await context.dispose();
  } catch (error) {
    throw new LoraAdapterError(
      lora.filePath,
      `llama.cpp refused it (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

function toEngineLevel(level: LlamaLogLevel): EngineLogLevel {
  switch (level) {
    case LlamaLogLevel.fatal:
    case LlamaLogLevel.error:
      return 'error';
    case LlamaLogLevel.warn:
      return 'warn';
    case LlamaLogLevel.info:
      return 'info';
    default:
      return 'debug';
  }
}
