/**
 * The in-memory store: robots, their status and state, and the most recent sessions with their
 * turns. Bounded, so a dashboard left running for months does not grow without end.
 */
import type {
  AlertPayload,
  MetricsPayload,
  MoodPayload,
  SessionEventPayload,
  StatePayload,
  StatusPayload,
} from '@hearth/telemetry/mqtt';
import type {
  AlertView,
  DashboardSnapshot,
  DashboardStore,
  MoodPoint,
  RobotView,
  SessionView,
  StoredUser,
  StoreChange,
  TurnView,
} from './DashboardStore.js';
import { alertOrder, mergeAlert } from './mergeAlert.js';

/** Mood points and alerts kept in memory. */
const MAX_MOOD_POINTS = 5000;
const MAX_ALERTS = 500;

export interface MemoryDashboardStoreOptions {
  /** Sessions kept across all robots; default 200. */
  readonly maxSessions?: number;
  /** Turns kept per session; default 500. */
  readonly maxTurnsPerSession?: number;
}

interface MutableSession {
  robot: string;
  sessionId: string;
  startedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  turns: TurnView[];
  eventIds: Set<string>;
}

export class MemoryDashboardStore implements DashboardStore {
  private readonly robots = new Map<string, RobotView>();
  /** Insertion order is recency order: a session is re-inserted when it changes. */
  private readonly sessions = new Map<string, MutableSession>();
  private readonly maxSessions: number;
  private readonly maxTurns: number;
  private readonly alerts = new Map<string, AlertView>();
  private mood: MoodPoint[] = [];
  private readonly users = new Map<string, StoredUser>();

  constructor(options: MemoryDashboardStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 200;
    this.maxTurns = options.maxTurnsPerSession ?? 500;
  }

  applyStatus(payload: StatusPayload): StoreChange {
    const robot = { ...this.robot(payload.robot), status: payload.state, statusTs: payload.ts };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  applyState(payload: StatePayload): StoreChange {
    const { state, previousState, event, sessionId, turnIndex, ts } = payload;
    const robot = {
      ...this.robot(payload.robot),
      state: { state, previousState, event, sessionId, turnIndex, ts },
    };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  applySessionEvent(payload: SessionEventPayload): StoreChange | undefined {
    const session = this.session(payload.robot, payload.sessionId);
    if (session.eventIds.has(payload.eventId)) return undefined;
    session.eventIds.add(payload.eventId);
    switch (payload.type) {
      case 'session.start':
        session.startedAt = payload.ts;
        break;
      case 'session.end':
        session.endedAt = payload.ts;
        session.endReason = payload.reason;
        break;
      case 'turn':
        session.turns.push({
          eventId: payload.eventId,
          seq: payload.seq,
          ts: payload.ts,
          turn: payload.turn,
        });
        // QoS 1 keeps order per publisher, but a redelivery after reconnect may not.
        session.turns.sort((a, b) => a.seq - b.seq);
        if (session.turns.length > this.maxTurns)
          session.turns.splice(0, session.turns.length - this.maxTurns);
        break;
    }
    return { robot: this.robot(payload.robot), session: view(session) };
  }

  applyMetrics(payload: MetricsPayload): StoreChange {
    const robot = { ...this.robot(payload.robot), metrics: payload };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  applyMood(payload: MoodPayload): StoreChange {
    const { schema: _schema, ...point } = payload;
    this.mood.push(point);
    if (this.mood.length > MAX_MOOD_POINTS) this.mood.splice(0, this.mood.length - MAX_MOOD_POINTS);
    this.ensureRobot(payload.robot);
    return { robot: this.robot(payload.robot), mood: point };
  }

  applyAlert(payload: AlertPayload): StoreChange | undefined {
    const key = `${payload.robot}/${payload.alertId}`;
    const merged = mergeAlert(this.alerts.get(key), payload);
    if (!merged) return undefined;
    this.alerts.delete(key);
    this.alerts.set(key, merged);
    if (this.alerts.size > MAX_ALERTS) {
      const oldest = [...this.alerts.entries()].find(([, a]) => a.status === 'acknowledged');
      if (oldest) this.alerts.delete(oldest[0]);
    }
    this.ensureRobot(payload.robot);
    return { robot: this.robot(payload.robot), alert: merged };
  }

  snapshot(): DashboardSnapshot {
    return {
      robots: [...this.robots.values()].sort((a, b) => a.robot.localeCompare(b.robot)),
      sessions: [...this.sessions.values()].reverse().map(view),
      alerts: [...this.alerts.values()].sort(alertOrder).slice(0, 50),
      mood: this.mood.slice(-500),
    };
  }

  searchSessions(query: string, limit: number): readonly SessionView[] {
    const needle = query.toLowerCase();
    return [...this.sessions.values()]
      .reverse()
      .filter(
        (s) =>
          s.robot.toLowerCase().includes(needle) ||
          s.sessionId.toLowerCase().includes(needle) ||
          s.turns.some(
            (t) =>
              t.turn.shared &&
              (t.turn.userText.toLowerCase().includes(needle) ||
                t.turn.replyText.toLowerCase().includes(needle)),
          ),
      )
      .slice(0, limit)
      .map(view);
  }

  moodHistory(robot: string, sinceIso: string): readonly MoodPoint[] {
    const since = Date.parse(sinceIso);
    return this.mood.filter((m) => m.robot === robot && Date.parse(m.ts) >= since);
  }

  userCount(): number {
    return this.users.size;
  }

  putUser(user: StoredUser): void {
    this.users.set(user.name, user);
  }

  findUser(name: string): StoredUser | undefined {
    return this.users.get(name);
  }

  dispose(): void {
    this.robots.clear();
    this.sessions.clear();
    this.alerts.clear();
    this.mood = [];
  }

  private ensureRobot(id: string): void {
    if (!this.robots.has(id)) this.robots.set(id, this.robot(id));
  }

  private robot(id: string): RobotView {
    return (
      this.robots.get(id) ?? {
        robot: id,
        status: 'unknown',
        statusTs: null,
        state: null,
        metrics: null,
      }
    );
  }

  private session(robot: string, sessionId: string): MutableSession {
    const key = `${robot}/${sessionId}`;
    let session = this.sessions.get(key);
    if (session) {
      this.sessions.delete(key);
    } else {
      session = {
        robot,
        sessionId,
        startedAt: null,
        endedAt: null,
        endReason: null,
        turns: [],
        eventIds: new Set(),
      };
      if (!this.robots.has(robot)) this.robots.set(robot, this.robot(robot));
    }
    this.sessions.set(key, session);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return session;
  }
}

function view(session: MutableSession): SessionView {
  const { robot, sessionId, startedAt, endedAt, endReason } = session;
  return { robot, sessionId, startedAt, endedAt, endReason, turns: [...session.turns] };
}
