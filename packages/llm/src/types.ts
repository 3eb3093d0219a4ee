import type { ContextOptions, ContextStrategyName } from './context/ContextOptions.js';
import type { ReplyStrategy } from './strategies.js';

/** Sampling for one turn. The thesis' defaults are in `defaultSampling`. */
export interface SamplingOptions {
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
  readonly maxTokens: number;
  /** -1 picks a random seed each turn; any other value makes a turn reproducible. */
  readonly seed: number;
}

export const defaultSampling: SamplingOptions = {
  temperature: 0.7,
  topP: 0.95,
  topK: 50,
  maxTokens: 128,
  seed: -1,
};

export interface ReplyRequest {
  /** The dialogue session; each has its own history (and, for a model, its own KV cache). */
  readonly sessionId: string;
  readonly userText: string;
  /** Extra guidance for this turn only ('' for none). */
  readonly instruction?: string;
  /**
   * After a barge-in: the part of the session's previous reply the person heard. It replaces
   * that reply in the history, and the model is told it was cut off ('' when heard whole).
   */
  readonly previousReplyHeard?: string;
  /**
   * True when the previous reply was interrupted or cut short, also when `previousReplyHeard`
   * is '' because it was cut before its first word.
   */
  readonly previousReplyInterrupted?: boolean;
  /**
   * The dialogue's safety screen of `userText` (none, low, moderate; '' or absent: not screened).
   * A model follows `instruction`; the fallback answers a moderate turn from its careful bank.
   */
  readonly riskLevel?: string;
  /**
   * This turn asks the session's last turn again (the same userText) after that one was
   * cancelled before a word of it was said, e.g. with a raised risk: the cancelled attempt leaves
   * the history first, so the person's words are in it once.
   */
  readonly reasked?: boolean;
}

/** One spoken sentence, streamed while the reply is still being generated. */
export interface ReplySentence {
  readonly text: string;
  /** 0 for the reply's first sentence. */
  readonly index: number;
  /** The strategy tag in force where this sentence starts ('' for none). */
  readonly strategy: ReplyStrategy | '';
  /** Milliseconds from the request to the reply's first token. */
  readonly firstTokenMs: number;
}

export interface ReplyOptions {
  /** Aborting stops generation within a token; the result then has cancelled=true. */
  readonly signal?: AbortSignal;
  readonly sampling?: Partial<SamplingOptions>;
  /** How the history is fitted when it overflows; read on every turn. */
  readonly context?: Partial<ContextOptions>;
  /** The persona's system prompt, used when this request opens a new session. */
  readonly personaPrompt?: string;
  /**
   * Raw text as generated, strategy tags included. A throwing listener is logged, not fatal.
   * After the signal aborts at most one more chunk comes (text held back before the abort);
   * from a model in a child process, none.
   */
  readonly onTextChunk?: (text: string) => void;
  /** The number of tokens each time the model generates some (not called by the fallback). */
  readonly onTokens?: (count: number) => void;
  /** Each sentence once formed. Never called after the signal has aborted. */
  readonly onSentence?: (sentence: ReplySentence) => void;
}

/**
 * How the session's history was fitted into the context this turn: the configured strategy
 * (`summary` reads `window` until its first summary is in the history), or `fallback` when the
 * fallback bank answered.
 */
export type ContextStrategy = ContextStrategyName | 'fallback';

export interface ReplyResult {
  /** The whole reply as spoken, strategy tag removed. */
  readonly reply: string;
  /** The reply's first recognized strategy tag ('' for none). */
  readonly strategy: ReplyStrategy | '';
  /** True when the curated fallback bank answered instead of a model. */
  readonly fallback: boolean;
  readonly cancelled: boolean;
  /** Prompt tokens the model evaluated this turn (the rest came from the KV cache). */
  readonly promptTokensEvaluated: number;
  readonly generatedTokens: number;
  readonly firstTokenMs: number;
  readonly totalMs: number;
  /** Decoding speed after the first token (0 with fewer than two tokens). */
  readonly tokensPerSecond: number;
  readonly contextStrategy: ContextStrategy;
  /** True when old turns were stripped or dropped this turn, so the cached prefix was cut. */
  readonly contextCompacted: boolean;
  /** Utterances (the person's and the robot's) in the session's history after this turn. */
  readonly historyUtterances: number;
}

/** What the llm node asks of whatever produces replies: a GGUF model or the fallback bank. */
export interface ReplyEngine {
  readonly kind: 'model' | 'fallback';
  generate(request: ReplyRequest, options?: ReplyOptions): Promise<ReplyResult>;
  /** Forgets a session's history and frees its memory. */
  endSession(sessionId: string): Promise<void>;
  dispose(): Promise<void>;
  /** Changes the LoRA adapter's scale, keeping every session's history (model engines only). */
  setLoraScale?(scale: number): Promise<void>;
}
