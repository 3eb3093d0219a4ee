import { EXTES_STRATEGIES, SUPPORT_STRATEGIES } from '@hearth/interfaces';
import type { TurnSummary } from '../machine/types.js';
import { SESSION_TOPICS, sessionTopicsOf, type SessionTopic } from '@hearth/llm/topics';

/** What a session was about, as its summary carries it: labels, never words. */
export interface SessionContentLabels {
  /** Topic labels in SESSION_TOPICS order. */
  readonly topics: string[];
  /** Support strategy names, each once, in order of first use. */
  readonly strategies: string[];
}

const KNOWN_STRATEGIES: ReadonlySet<string> = new Set([...SUPPORT_STRATEGIES, ...EXTES_STRATEGIES]);

/**
 * Gathers the open session's topics and strategies from its turns, for the SessionSummary the
 * node publishes when the session ends. Only the current session is kept: sessions do not
 * overlap, and a turn of another session starts afresh, so nothing grows without bound.
 */
export class SessionContent {
  private sessionId = '';
  private readonly topics = new Set<SessionTopic>();
  private readonly strategies = new Set<string>();

  record(turn: TurnSummary): void {
    if (turn.sessionId !== this.sessionId) this.reset(turn.sessionId);
    // Only the person's own words in a reply turn name a topic; robot-initiated speech has none.
    if (turn.kind === 'reply')
      for (const topic of sessionTopicsOf(turn.userText)) this.topics.add(topic);
    // A strategy leaves only as a known name, so a malformed tag cannot carry free text.
    if (KNOWN_STRATEGIES.has(turn.strategy)) this.strategies.add(turn.strategy);
  }

  /** The session's labels, then forgets them; empty lists for a session it has no turns of. */
  take(sessionId: string): SessionContentLabels {
    const labels =
      sessionId === this.sessionId
        ? {
            topics: SESSION_TOPICS.filter((topic) => this.topics.has(topic)),
            strategies: [...this.strategies],
          }
        : { topics: [], strategies: [] };
    this.reset('');
    return labels;
  }

  private reset(sessionId: string): void {
    this.sessionId = sessionId;
    this.topics.clear();
    this.strategies.clear();
  }
}
