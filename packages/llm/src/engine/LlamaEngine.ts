import { performance } from 'node:perf_hooks';
import {
  getLlama,
  LlamaLogLevel,
  type ChatHistoryItem,
  type Llama,
  type LlamaModel,
} from 'node-llama-cpp';
import { callSafely } from '../callSafely.js';
import { ModelLoadError } from '../errors/ModelLoadError.js';
import { ModelFileError } from '../errors/ModelFileError.js';
import { defaultPersonaPrompt } from '../persona.js';
import { physicalCoreCount } from '../physicalCoreCount.js';
import { ReplyAssembler } from '../ReplyAssembler.js';
import {
  defaultSampling,
  type ContextStrategy,
  type ReplyOptions,
  type ReplyRequest,
  type ReplyResult,
  type ReplyEngine,
  type SamplingOptions,
} from '../types.js';
import { checkModelFile, checkModelFileHead } from './checkModelFile.js';
import { ModelSession } from './ModelSession.js';

export type EngineLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LlamaEngineOptions {
  readonly modelPath: string;
  /** CPU threads for decoding; defaults to the physical core count. */
  readonly threads?: number;
  /** Tokens of history each session keeps; defaults to 2048. */
  readonly contextSize?: number;
  /** Sessions kept in memory at once; the least recently used is dropped. Defaults to 2. */
  readonly maxSessions?: number;
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
  ) {}

  /**
   * Checks and loads the model. Throws a ModelFileError subclass naming the file and the fix
   * when the file is missing, not GGUF, truncated or refused by llama.cpp.
   */
  static async load(options: LlamaEngineOptions): Promise<LlamaEngine> {
    const threads = options.threads && options.threads > 0 ? options.threads : physicalCoreCount();
    const log = options.log ?? (() => undefined);
    // Fail fast on a missing or foreign file, before the native binding loads.
    await checkModelFileHead(options.modelPath);
    const llama = await getLlama({
      gpu: false,
      // Never fetch llama.cpp sources or compile: the prebuilt CPU binary or a clear error.
      build: 'never',
      skipDownload: true,
      usePrebuiltBinaries: true,
      progressLogs: false,
      maxThreads: threads,
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => log(toEngineLevel(level), message.trim()),
    });
    try {
      await checkModelFile(options.modelPath, llama);
      const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers: 0 });
      return new LlamaEngine(
        llama,
        model,
        options.modelPath,
        threads,
        options.contextSize ?? 2048,
        Math.max(1, options.maxSessions ?? 2),
        options.locale ?? 'en',
        log,
      );
    } catch (error) {
      await llama.dispose();
      throw error instanceof ModelFileError ? error : new ModelLoadError(options.modelPath, error);
    }
  }

  /** Tokens in a session's KV cache (0 for an unknown session). */
  sessionTokenCount(sessionId: string): number {
    return this.sessions.get(sessionId)?.tokenCount ?? 0;
  }

  async generate(request: ReplyRequest, options: ReplyOptions = {}): Promise<ReplyResult> {
    const start = performance.now();
    if (options.signal?.aborted) return this.cancelledBeforeStart(start);
    const session = await this.sessionFor(request.sessionId, options.personaPrompt);
    return session.queue.run(() => this.runTurn(session, request, options, start));
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
    const emit = (sentences: readonly string[]): void => {
      for (const text of sentences) {
        // After a cancel nothing more may be spoken, even what was already generated.
        if (signal?.aborted) return;
        const firstTokenMs = (firstTokenAt ?? performance.now()) - start;
        const sentence = { text, index: sentenceIndex, strategy: assembler.strategy, firstTokenMs };
        sentenceIndex += 1;
        callSafely(options.onSentence, sentence, onListenerError);
      }
    };

    if (signal?.aborted) return this.cancelledBeforeStart(start);
    if (request.instruction) this.addInstruction(session, request.instruction);

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
        },
        onTextChunk: (text) => {
          markFirstToken();
          callSafely(options.onTextChunk, text, onListenerError);
          emit(assembler.push(text));
        },
      });
      cancelled = response.stopReason === 'abort' || signal?.aborted === true;
    } catch (error) {
      // Aborted before the first token: node-llama-cpp throws the signal's reason.
      if (!signal?.aborted) throw error;
      cancelled = true;
    }
    if (!cancelled) emit(assembler.finish());
    if (assembler.label && !assembler.strategy) {
      this.log('debug', `Stripped an unknown strategy tag [${assembler.label}] from a reply.`);
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
      contextStrategy: this.contextStrategyOf(session),
    };
  }

  /**
   * Adds the turn's instruction as a system message just before the person's words. It stays in
   * the history: removing it later would change an already cached prefix and force the model
   * to evaluate the rest of the conversation again.
   */
  private addInstruction(session: ModelSession, instruction: string): void {
    const history: ChatHistoryItem[] = session.chat.getChatHistory();
    session.chat.setChatHistory([...history, { type: 'system', text: instruction }]);
  }

  /** Whether the last evaluation had to drop part of the history to fit the context. */
  private contextStrategyOf(session: ModelSession): ContextStrategy {
    const window = session.chat.getLastEvaluationContextWindow();
    if (window === null) return 'full_history';
    const history = session.chat.getChatHistory();
    return JSON.stringify(window) === JSON.stringify(history) ? 'full_history' : 'context_shift';
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
      contextStrategy: 'full_history',
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
    });
    this.sessions.set(sessionId, session);
    return session;
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
