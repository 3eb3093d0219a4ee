import { randomUUID } from 'node:crypto';

/**
 * Turns the dialogue's state and turn messages into the ordered event stream of each session:
 * `session.start`, `turn`s, `session.end`, numbered 1, 2, 3 ... per session. A session's
 * `turnCount` counts the person's turns (kind `reply`), not the robot's own speech (greeting,
 * check-in, re-prompt, caregiver's words), as the dialogue's summary does. Pure bookkeeping,
 * no I/O, so the rules are tested on their own.
 */
export type TrackedEvent =
  | { readonly type: 'session.start'; readonly sessionId: string; readonly seq: number }
  | { readonly type: 'turn'; readonly sessionId: string; readonly seq: number }
  | {
      readonly type: 'session.end';
      readonly sessionId: string;
      readonly seq: number;
      readonly turnCount: number;
      readonly reason: string;
    }
  | { readonly type: 'session.summary'; readonly sessionId: string; readonly seq: number };

interface OpenSession {
  seq: number;
  turnCount: number;
  /** When the tracker started it (ms since the epoch). */
  startedAt: number;
}

/**
 * The open sessions as the tracker left them: kept beside the outbox (FileSessionStore) so that a
 * restarted telemetry node goes on numbering them where it stopped, instead of starting each again
 * at 1 (two session.starts, interleaved turns and a wrong turnCount on the dashboard).
 */
export interface SessionsSnapshot {
  /** The session open now; empty when none. */
  readonly current: string;
  readonly sessions: readonly {
    readonly sessionId: string;
    /**
     * No event of the session has a higher number (the last one given, or a reservation above
     * it: SeqReservation); the next event gets seq + 1.
     */
    readonly seq: number;
    readonly turnCount: number;
    readonly startedAt: number;
  }[];
}

export const NO_SESSIONS: SessionsSnapshot = { current: '', sessions: [] };

/** Ended sessions remembered for turns that arrive after their session's end. */
const REMEMBERED_ENDED_SESSIONS = 32;

/** `session.end`'s reason for the one-turn session of robot speech outside any session. */
export const OUTSIDE_SESSION_REASON = 'outside.session';

/** The id of a one-turn session for robot speech outside any session. */
function outsideSessionId(): string {
  return `robot-${randomUUID()}`;
}

export class SessionTracker {
  private current = '';
  private readonly sessions = new Map<string, OpenSession>();
  private readonly ended = new Map<string, OpenSession>();

  /**
   * `newSessionId` names the one-turn session of robot speech outside any session (tests fix it);
   * `nowMs` dates each session's start.
   */
  constructor(
    private readonly newSessionId: () => string = outsideSessionId,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /**
   * Continues the open sessions of a tracker that stopped (a restarted node): their events go on
   * from the saved numbers. A session the dialogue then reports as another id ends them as usual.
   */
  restore(snapshot: SessionsSnapshot): void {
    for (const { sessionId, seq, turnCount, startedAt } of snapshot.sessions)
      this.sessions.set(sessionId, { seq, turnCount, startedAt });
    if (this.sessions.has(snapshot.current)) this.current = snapshot.current;
  }

  /** The open sessions now, for saving. */
  snapshot(): SessionsSnapshot {
    return {
      current: this.current,
      sessions: [...this.sessions].map(([sessionId, s]) => ({ sessionId, ...s })),
    };
  }

  /** The session open now; empty when none. */
  get currentSessionId(): string {
    return this.current;
  }

  /**
   * A dialogue state message. A change of session id ends the previous session (`event` is the
   * reason) and starts the new one.
   */
  onState(sessionId: string, event: string): TrackedEvent[] {
    if (sessionId === this.current) return [];
    const out: TrackedEvent[] = [];
    if (this.current !== '') out.push(this.end(this.current, event));
    if (sessionId !== '') out.push(this.start(sessionId));
    this.current = sessionId;
    return out;
  }

  /**
   * A turn record. State and turns travel on different topics, and neither ROS 2 nor the
   * in-process graph orders messages across topics, so a session's last turn may arrive after
   * the state that ended it: it then follows the end, with the next sequence number, instead of
   * reopening the session. A turn for a session never seen opens it first: telemetry may start
   * after the dialogue did, and an event without its session's start would confuse the dashboard.
   *
   * `kind` is TurnRecord.kind: only `reply` (or '', from before the field) counts in the
   * session's `turnCount`. Robot speech with no session open — a caregiver's `say` while nobody is
   * in a conversation — is sent as a session of its own (a fresh id, start, the turn, and an end
   * with reason `outside.session` and no turns), so the dashboard shows that the words were said
   * and every turn still belongs to a session; the open session, if any, is left alone. A reply
   * without a session is a fault of the sender: nothing (the caller logs it).
   */
  onTurn(sessionId: string, kind = 'reply', turnIndex = 0): TrackedEvent[] {
    const reply = kind === 'reply' || kind === '';
    if (sessionId === '') return reply ? [] : this.outsideSession();
    const late = this.ended.get(sessionId);
    if (late) return [{ type: 'turn', sessionId, seq: ++late.seq }];
    const out: TrackedEvent[] = [];
    if (!this.sessions.has(sessionId)) {
      if (this.current !== '' && this.current !== sessionId)
        out.push(this.end(this.current, 'session.replaced'));
      out.push(this.start(sessionId));
      this.current = sessionId;
    }
    const session = this.open(sessionId);
    if (reply) session.turnCount += 1;
    session.turnCount = Math.max(session.turnCount, turnIndex);
    out.push({ type: 'turn', sessionId, seq: ++session.seq });
    return out;
  }

  private outsideSession(): TrackedEvent[] {
    const sessionId = this.newSessionId();
    return [
      { type: 'session.start', sessionId, seq: 1 },
      { type: 'turn', sessionId, seq: 2 },
      { type: 'session.end', sessionId, seq: 3, turnCount: 0, reason: OUTSIDE_SESSION_REASON },
    ];
  }

  /**
   * The dialogue's summary of a session. It normally arrives after the state that ended the
   * session, and then follows the end; one that overtakes it is numbered in the open session.
   */
  onSummary(sessionId: string): TrackedEvent[] {
    const ended = this.ended.get(sessionId);
    if (ended) return [{ type: 'session.summary', sessionId, seq: ++ended.seq }];
    const out: TrackedEvent[] = this.sessions.has(sessionId) ? [] : [this.start(sessionId)];
    out.push({ type: 'session.summary', sessionId, seq: ++this.open(sessionId).seq });
    return out;
  }

  private start(sessionId: string): TrackedEvent {
    this.ended.delete(sessionId);
    const session: OpenSession = { seq: 0, turnCount: 0, startedAt: this.nowMs() };
    this.sessions.set(sessionId, session);
    return { type: 'session.start', sessionId, seq: ++session.seq };
  }

  private end(sessionId: string, reason: string): TrackedEvent {
    const session = this.open(sessionId);
    this.sessions.delete(sessionId);
    this.ended.set(sessionId, session);
    if (this.ended.size > REMEMBERED_ENDED_SESSIONS) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
    session.seq += 1;
    return {
      type: 'session.end',
      sessionId,
      seq: session.seq,
      turnCount: session.turnCount,
      reason,
    };
  }

  private open(sessionId: string): OpenSession {
    let session = this.sessions.get(sessionId);
    if (!session) {
      session = { seq: 0, turnCount: 0, startedAt: this.nowMs() };
      this.sessions.set(sessionId, session);
    }
    return session;
  }
}
