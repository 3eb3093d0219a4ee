/**
 * What the dashboard remembers of the fleet and who may see it. Two implementations: SQLite
 * (better-sqlite3, synchronous, hence a synchronous interface; the default of `hearth dashboard`)
 * and memory (tests, and `hearth start` when no database is given).
 */
import type {
  AlertPayload,
  MetricsPayload,
  MoodPayload,
  SessionEventPayload,
  StatePayload,
  StatusPayload,
  Turn,
} from '@hearth/telemetry/mqtt';

export interface RobotView {
  readonly robot: string;
  /** `unknown` until the robot's status arrives. */
  readonly status: 'online' | 'offline' | 'unknown';
  readonly statusTs: string | null;
  /** The dialogue's latest state, null until one arrives. */
  readonly state: {
    readonly state: string;
    readonly previousState: string;
    readonly event: string;
    readonly sessionId: string;
    readonly turnIndex: number;
    readonly ts: string;
  } | null;
  /** The latest metrics (CPU, memory, model), null until some arrive. */
  readonly metrics?: MetricsPayload | null;
}

export interface TurnView {
  readonly eventId: string;
  readonly seq: number;
  readonly ts: string;
  readonly turn: Turn;
}

export interface SessionView {
  readonly robot: string;
  readonly sessionId: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  /** In sequence order. */
  readonly turns: readonly TurnView[];
}

/** An alert as last heard: open, escalated or acknowledged. */
export type AlertView = AlertPayload;

export type MoodPoint = Omit<MoodPayload, 'schema'>;

export interface DashboardSnapshot {
  readonly robots: readonly RobotView[];
  /** Recent sessions, newest first. */
  readonly sessions: readonly SessionView[];
  /** Open and escalated alerts, then recently acknowledged ones, newest first. */
  readonly alerts?: readonly AlertView[];
  /** Recent mood points, oldest first. */
  readonly mood?: readonly MoodPoint[];
}

/** What changed, for live updates. */
export interface StoreChange {
  readonly robot: RobotView;
  readonly session?: SessionView;
  readonly alert?: AlertView;
  readonly mood?: MoodPoint;
}

export type Role = 'caregiver' | 'admin';

/** A dashboard account. The hash is scrypt's (auth/passwords.ts); the password is never kept. */
export interface StoredUser {
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface DashboardStore {
  applyStatus(payload: StatusPayload): StoreChange;
  applyState(payload: StatePayload): StoreChange;
  /** Undefined when the event was already applied (redelivered at least once over MQTT). */
  applySessionEvent(payload: SessionEventPayload): StoreChange | undefined;
  applyMetrics(payload: MetricsPayload): StoreChange;
  applyMood(payload: MoodPayload): StoreChange;
  /**
   * Undefined when nothing changed: a re-send of a known state, or anything after the alert was
   * acknowledged (an acknowledged alert never reopens from a late re-send).
   */
  applyAlert(payload: AlertPayload): StoreChange | undefined;
  snapshot(): DashboardSnapshot;
  /** Sessions whose robot, id or shared words contain `query` (case-insensitive), newest first. */
  searchSessions(query: string, limit: number): readonly SessionView[];
  /** A robot's mood points since `sinceIso`, oldest first (charts over weeks). */
  moodHistory(robot: string, sinceIso: string): readonly MoodPoint[];
  userCount(): number;
  /** Adds or replaces (same name) an account. */
  putUser(user: StoredUser): void;
  findUser(name: string): StoredUser | undefined;
  dispose(): void;
}
