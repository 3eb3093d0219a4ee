import { performance } from 'node:perf_hooks';
import { ReplyAssembler } from '../ReplyAssembler.js';
import { EsconvStrategies, type EsconvStrategy } from '../strategies.js';
import type {
  ReplyOptions,
  ReplyRequest,
  ReplyResult,
  ReplyEngine,
  ReplySentence,
} from '../types.js';
import { callSafely } from '../callSafely.js';
import { carefulBank } from './carefulBank.js';
import { asksForHumanContact, humanContactBank } from './humanContactNudge.js';
import { replyBank, type BankReply } from './replyBank.js';
import { detectTopics, type Topic } from './topics.js';

export interface FallbackResponderOptions {
  /** A number in [0, 1); injectable so tests can choose replies. Defaults to Math.random. */
  readonly random?: () => number;
  /** How many of a session's recent replies to avoid when others fit. Defaults to 3. */
  readonly avoidRecent?: number;
  /** Reports a throwing listener; defaults to ignoring it. */
  readonly onListenerError?: (error: unknown) => void;
  readonly locale?: string;
}

interface Candidate extends BankReply {
  readonly strategy: EsconvStrategy;
}

const allReplies: readonly Candidate[] = EsconvStrategies.flatMap((strategy) =>
  replyBank[strategy].map((reply) => ({ ...reply, strategy })),
);

/** The careful protocol's replies, for turns the safety screen rated moderate. */
const carefulReplies: readonly Candidate[] = carefulBank.map((reply) => ({
  ...reply,
  topics: [],
}));

/** The nudge toward human contact, for the turn whose instruction asks for it. */
const nudgeReplies: readonly Candidate[] = humanContactBank.map((reply) => ({
  ...reply,
  topics: [],
}));

/**
 * Answers from a curated bank of supportive replies when no model is loaded, so the robot is
 * never silent and never cold. Picks replies that fit the person's words and does not repeat
 * itself within a session. A turn the safety screen rated moderate (`riskLevel`) is answered
 * from the careful bank instead: validate, ask gently about safety, encourage human support.
 * A turn whose instruction carries the human-contact nudge is answered from the nudge bank
 * (a moderate turn's careful reply already encourages human support, so it wins).
 */
export class FallbackResponder implements ReplyEngine {
  readonly kind = 'fallback';
  private readonly random: () => number;
  private readonly avoidRecent: number;
  private readonly onListenerError: (error: unknown) => void;
  private readonly locale: string;
  private readonly recentBySession = new Map<string, string[]>();

  constructor(options: FallbackResponderOptions = {}) {
    this.random = options.random ?? Math.random;
    this.avoidRecent = options.avoidRecent ?? 3;
    this.onListenerError = options.onListenerError ?? (() => undefined);
    this.locale = options.locale ?? 'en';
  }

  /**
   * Chooses a reply for the text without recording it (for tests and previews); from the careful
   * bank when `riskLevel` is moderate, from the nudge bank when `instruction` asks for the
   * human-contact nudge.
   */
  choose(sessionId: string, userText: string, riskLevel = '', instruction = ''): Candidate {
    const recent = this.recentBySession.get(sessionId) ?? [];
    const fitting =
      riskLevel === 'moderate'
        ? carefulReplies
        : asksForHumanContact(instruction)
          ? nudgeReplies
          : this.candidatesFor(detectTopics(userText));
    // Never the same reply twice in a row; avoid the last few too while there is choice.
    const notLast = fitting.filter((c) => c.text !== recent[recent.length - 1]);
    const fresh = notLast.filter((c) => !recent.includes(c.text));
    const pool = fresh.length > 0 ? fresh : notLast.length > 0 ? notLast : fitting;
    const index = Math.min(pool.length - 1, Math.floor(this.random() * pool.length));
    const chosen = pool[index];
    if (!chosen) throw new Error('The fallback reply bank is empty; add replies to replyBank.ts.');
    return chosen;
  }

  async generate(request: ReplyRequest, options: ReplyOptions = {}): Promise<ReplyResult> {
    const start = performance.now();
    const { signal } = options;
    if (signal?.aborted) return this.result('', '', true, start, 0);

    const chosen = this.choose(
      request.sessionId,
      request.userText,
      request.riskLevel,
      request.instruction,
    );
    this.remember(request.sessionId, chosen.text);
    const firstTokenMs = performance.now() - start;

    const assembler = new ReplyAssembler(this.locale);
    callSafely(options.onTextChunk, chosen.text, this.onListenerError);
    let index = 0;
    const emit = (text: string): void => {
      const sentence: ReplySentence = { text, index, strategy: chosen.strategy, firstTokenMs };
      index += 1;
      callSafely(options.onSentence, sentence, this.onListenerError);
    };
    [...assembler.push(chosen.text), ...assembler.finish()].forEach(emit);
    return this.result(chosen.text, chosen.strategy, false, start, firstTokenMs);
  }

  async endSession(sessionId: string): Promise<void> {
    this.recentBySession.delete(sessionId);
  }

  async dispose(): Promise<void> {
    this.recentBySession.clear();
  }

  private candidatesFor(topics: readonly Topic[]): readonly Candidate[] {
    for (const topic of topics) {
      const fitting = allReplies.filter((reply) => reply.topics.includes(topic));
      if (fitting.length > 0) return fitting;
    }
    return allReplies.filter((reply) => reply.topics.includes('general'));
  }

  private remember(sessionId: string, text: string): void {
    const recent = this.recentBySession.get(sessionId) ?? [];
    recent.push(text);
    if (recent.length > this.avoidRecent) recent.shift();
    this.recentBySession.set(sessionId, recent);
  }

  private result(
    reply: string,
    strategy: EsconvStrategy | '',
    cancelled: boolean,
    start: number,
    firstTokenMs: number,
  ): ReplyResult {
    return {
      reply,
      strategy,
      fallback: true,
      cancelled,
      promptTokensEvaluated: 0,
      generatedTokens: 0,
      firstTokenMs,
      totalMs: performance.now() - start,
      tokensPerSecond: 0,
      contextStrategy: 'fallback',
      contextCompacted: false,
      historyUtterances: 0,
    };
  }
}
