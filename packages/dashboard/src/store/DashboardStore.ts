/**
 * What the dashboard remembers of the fleet. In memory now; issue 8 puts SQLite (better-sqlite3,
 * synchronous, hence a synchronous interface) behind the same interface.
 */
import type {
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

export interface DashboardSnapshot {
  readonly robots: readonly RobotView[];
  /** Recent sessions, newest first. */
  readonly sessions: readonly SessionView[];
}

/** What changed, for live updates. */
export interface StoreChange {
  readonly robot: RobotView;
  readonly session?: SessionView;
}

export interface DashboardStore {
  applyStatus(payload: StatusPayload): StoreChange;
  applyState(payload: StatePayload): StoreChange;
  /** Undefined when the event was already applied (redelivered at least once over MQTT). */
  applySessionEvent(payload: SessionEventPayload): StoreChange | undefined;
  snapshot(): DashboardSnapshot;
  dispose(): void;
}
