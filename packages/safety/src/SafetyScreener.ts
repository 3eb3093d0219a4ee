/**
 * The deterministic risk screener: one instance serves many sessions, each with a short window
 * of its recent turns. `screen()` is synchronous and fast (no model), so the dialogue can run it
 * on every partial and final transcript before the llm sees anything.
 */
import { raiseWithClassifier, type RiskClassifier } from './classifier.js';
import { InvalidScreenerOptionError } from './errors.js';
import { defaultLexicon, type Lexicon } from './lexicon/index.js';
import { SessionWindow } from './screen/SessionWindow.js';
import { screenMessage } from './screen/screenMessage.js';
import type { ScreenResult } from './screen/types.js';
import { weighRecentTurns } from './screen/weighRecentTurns.js';

export interface SafetyScreenerOptions {
  /** Replace parts of the lexicon (tests, a robot's own reviewed additions). */
  readonly lexicon?: Partial<Lexicon>;
  /** How many earlier turns of a session are weighed (default 6). */
  readonly windowTurns?: number;
  /** How old an earlier turn may be and still count, in ms (default 30 minutes). */
  readonly windowMs?: number;
  /** How many sessions are remembered; the least recently used is forgotten (default 1000). */
  readonly maxSessions?: number;
  /** An optional model that may raise a level, never lower it (`screenWithClassifier`). */
  readonly classifier?: RiskClassifier;
  /** How long the classifier may take before the deterministic result stands (default 2000 ms). */
  readonly classifierTimeoutMs?: number;
  /** The clock, injectable for tests. */
  readonly now?: () => number;
}

export interface ScreenOptions {
  /** The dialogue session; turns of the same session are weighed together. None: alone. */
  readonly sessionId?: string;
  /** A partial transcript: screened against the window but not remembered in it. */
  readonly partial?: boolean;
}

export class SafetyScreener {
  readonly lexicon: Lexicon;
  readonly #sessions = new Map<string, SessionWindow>();
  readonly #windowTurns: number;
  readonly #windowMs: number;
  readonly #maxSessions: number;
  readonly #classifier: RiskClassifier | undefined;
  readonly #classifierTimeoutMs: number;
  readonly #now: () => number;

  constructor(options: SafetyScreenerOptions = {}) {
    this.lexicon = { ...defaultLexicon, ...options.lexicon };
    this.#windowTurns = positive('windowTurns', options.windowTurns ?? 6);
    this.#windowMs = positive('windowMs', options.windowMs ?? 30 * 60_000);
    this.#maxSessions = positive('maxSessions', options.maxSessions ?? 1000);
    this.#classifier = options.classifier;
    this.#classifierTimeoutMs = positive(
      'classifierTimeoutMs',
      options.classifierTimeoutMs ?? 2000,
    );
    this.#now = options.now ?? Date.now;
  }

  /** Screens one message (a whole turn, or a partial transcript with `partial: true`). */
  screen(text: string, options: ScreenOptions = {}): ScreenResult {
    const result = this.#screenDeterministic(text, options.sessionId);
    if (!options.partial) this.#remember(options.sessionId, result);
    return result;
  }

  /**
   * `screen()`, then the classifier given in the options (when there is one) may raise the
   * level. The raised level is what the session's window remembers.
   */
  async screenWithClassifier(text: string, options: ScreenOptions = {}): Promise<ScreenResult> {
    let result = this.#screenDeterministic(text, options.sessionId);
    if (this.#classifier)
      result = await raiseWithClassifier(result, text, this.#classifier, this.#classifierTimeoutMs);
    if (!options.partial) this.#remember(options.sessionId, result);
    return result;
  }

  /**
   * A classifier raised a final turn after `screen()` remembered it: the session's window
   * remembers the raised level (only ever higher), so later turns weigh it.
   */
  rememberRaised(sessionId: string, result: ScreenResult): void {
    this.#sessions.get(sessionId)?.raiseLatest(result.level, result.category);
  }

  /** Forgets a session's recent turns (the dialogue calls this when a session ends). */
  endSession(sessionId: string): void {
    this.#sessions.delete(sessionId);
  }

  #screenDeterministic(text: string, sessionId: string | undefined): ScreenResult {
    const message = screenMessage(text, this.lexicon);
    const window = sessionId === undefined ? undefined : this.#sessions.get(sessionId);
    const weighed = weighRecentTurns(message, window?.recent(this.#now()) ?? []);
    return {
      level: weighed.level,
      category: weighed.category,
      reasons: weighed.reasons,
      rules: weighed.rules,
    };
  }

  #remember(sessionId: string | undefined, result: ScreenResult): void {
    if (sessionId === undefined) return;
    let window = this.#sessions.get(sessionId);
    if (window) this.#sessions.delete(sessionId);
    else window = new SessionWindow(this.#windowTurns, this.#windowMs);
    // Re-inserted last: Map order is the least-recently-used order.
    this.#sessions.set(sessionId, window);
    window.add({ level: result.level, category: result.category, at: this.#now() });
    if (this.#sessions.size > this.#maxSessions) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
  }
}

function positive(option: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidScreenerOptionError(option, value, 'give a positive number.');
  return value;
}
