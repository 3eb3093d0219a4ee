/**
 * What the dashboard remembers of the fleet and who may see it. Every method returns a Promise,
 * so a networked database (PostgreSQL) can implement the same interface; the two built here are
 * SQLite (better-sqlite3, the default of `hearth dashboard`) and memory (tests, and `hearth start`
 * when no database is given). Both pass the contract suite in test/storeContract.ts.
 */
import type {
  AlertPayload,
  MetricsPayload,
  MoodPayload,
  NoticePayload,
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
  /** Quiet hours as a caregiver last set them from the dashboard; null or absent: never set. */
  readonly quietHours?: QuietHoursView | null;
}

/**
 * Quiet hours as last sent to the robot (`cmd/quiet-hours`): "HH:MM" each, both "" when off. The
 * robot does not report its quiet hours back, so this is what the dashboard asked for, and when.
 */
export interface QuietHoursView {
  readonly start: string;
  readonly end: string;
  readonly setBy: string;
  readonly setAt: string;
}

/**
 * A moderate-risk notice: caregivers should know, but it is not a crisis. Unlike an alert it has
 * no alarm, no escalation and needs no acknowledgement; it is shown on the robot's card and in the
 * session's history. Stored once per `noticeId` (QoS 1 may redeliver). See docs/mqtt.md.
 */
export type NoticeView = Omit<NoticePayload, 'schema'>;

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
  /** The robot's own account of the session (`session.summary`), null until it arrives. */
  readonly summary: SessionSummary | null;
  /** Moderate-risk notices raised in the session, oldest first. */
  readonly notices?: readonly NoticeView[];
}

/** What a `session.summary` event says: turns, duration, interruptions, alerts, mood, latency. */
export type SessionSummary = Extract<SessionEventPayload, { type: 'session.summary' }>['summary'];

/** An alert as last heard (open, escalated or acknowledged) and whom the dashboard notified. */
export type AlertView = AlertPayload & { readonly notification?: NotificationView };

export type MoodPoint = Omit<MoodPayload, 'schema'>;

export interface DashboardSnapshot {
  readonly robots: readonly RobotView[];
  /** Recent sessions, newest first. */
  readonly sessions: readonly SessionView[];
  /** Open and escalated alerts, then recently acknowledged ones, newest first. */
  readonly alerts?: readonly AlertView[];
  /** Recent mood points, oldest first. */
  readonly mood?: readonly MoodPoint[];
  /** Recent moderate-risk notices, newest first. */
  readonly notices?: readonly NoticeView[];
}

/** Which robots a reader may see: every robot, or the listed ones. */
export type RobotScope = 'all' | readonly string[];

/** What changed, for live updates. */
export interface StoreChange {
  readonly robot: RobotView;
  readonly session?: SessionView;
  readonly alert?: AlertView;
  readonly mood?: MoodPoint;
  readonly notice?: NoticeView;
}

export type Role = 'caregiver' | 'admin';

/** In a user's `robots`: every robot, present and future. */
export const ALL_ROBOTS = '*';

/** A dashboard account. The hash is scrypt's (auth/passwords.ts); the password is never kept. */
export interface StoredUser {
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
  /** A disabled account cannot log in, and its logins end at once. */
  readonly disabled: boolean;
  /** The robots a caregiver may see and command (`*`: all). Admins see every robot. */
  readonly robots: readonly string[];
}

/** An account as the admin page sees it: never the hash. */
export type UserView = Omit<StoredUser, 'passwordHash'>;

export type UserChanges = Partial<
  Pick<StoredUser, 'role' | 'disabled' | 'robots' | 'passwordHash'>
>;

/** A login (browser session). Only the token's SHA-256 is stored, so the table grants nothing. */
export interface StoredLogin {
  readonly tokenHash: string;
  readonly userName: string;
  readonly createdAt: string;
  /** Epoch ms; renewed while the login is used. */
  readonly expiresAt: number;
}

/** Who is told when an alert escalates, and where. */
export interface SecondContact {
  /** A name the page shows, e.g. "Dana (daughter)". */
  readonly name: string;
  /** An http(s) URL that receives a POST with a JSON body. */
  readonly webhookUrl: string;
}

/** Settings the admin changes from the page. */
export interface DashboardSettings {
  /** Stored history (events, turns, mood, summaries, acknowledged alerts) older than this is purged. */
  readonly retentionDays: number;
  readonly secondContact: SecondContact | null;
}

export const DEFAULT_SETTINGS: DashboardSettings = { retentionDays: 365, secondContact: null };

/** One attempt to reach the second contact. */
export interface DeliveryRecord {
  readonly robot: string;
  readonly alertId: string;
  /** 1, 2, 3 ... */
  readonly attempt: number;
  readonly at: string;
  readonly ok: boolean;
  /** `HTTP 200`, `connection refused`, ... */
  readonly detail: string;
}

export type NotificationState = 'sending' | 'delivered' | 'failed' | 'cancelled' | 'unconfigured';

/** The dashboard's notice to the second contact about one escalated alert. */
export interface NotificationView {
  readonly contact: string;
  readonly state: NotificationState;
  readonly startedAt: string;
  /** When it was delivered, given up or cancelled; null while sending. */
  readonly finishedAt: string | null;
  readonly deliveries: readonly DeliveryRecord[];
}

/** A notification still being sent (resumed after a restart). */
export interface PendingNotification {
  readonly robot: string;
  readonly alertId: string;
  readonly contact: SecondContact;
  readonly attempts: number;
}

/** What a retention purge removed. */
export interface PurgeCounts {
  readonly events: number;
  readonly sessions: number;
  readonly mood: number;
  readonly alerts: number;
}

export interface DashboardStore {
  applyStatus(payload: StatusPayload): Promise<StoreChange>;
  applyState(payload: StatePayload): Promise<StoreChange>;
  /** Undefined when the event was already applied (redelivered at least once over MQTT). */
  applySessionEvent(payload: SessionEventPayload): Promise<StoreChange | undefined>;
  applyMetrics(payload: MetricsPayload): Promise<StoreChange>;
  applyMood(payload: MoodPayload): Promise<StoreChange>;
  /**
   * Undefined when nothing changed: a re-send of a known state, or anything after the alert was
   * acknowledged (an acknowledged alert never reopens from a late re-send).
   */
  applyAlert(payload: AlertPayload): Promise<StoreChange | undefined>;
  /** Undefined when the notice was already stored (redelivered). */
  applyNotice(notice: NoticeView): Promise<StoreChange | undefined>;
  /** Remembers the quiet hours a caregiver sent to the robot. */
  setQuietHours(robot: string, quietHours: QuietHoursView): Promise<StoreChange>;
  snapshot(scope?: RobotScope): Promise<DashboardSnapshot>;
  /** Sessions whose robot, id, shared words or moods contain `query` (any case), newest first. */
  searchSessions(query: string, limit: number, scope?: RobotScope): Promise<readonly SessionView[]>;
  /** A robot's mood points since `sinceIso`, oldest first (charts over weeks). */
  moodHistory(robot: string, sinceIso: string): Promise<readonly MoodPoint[]>;
  /** The robot as last heard, for a change that did not come from telemetry. */
  robot(robot: string): Promise<RobotView>;
  alert(robot: string, alertId: string): Promise<AlertView | undefined>;

  userCount(): Promise<number>;
  /** Adds or replaces (same name) an account. */
  putUser(user: StoredUser): Promise<void>;
  findUser(name: string): Promise<StoredUser | undefined>;
  listUsers(): Promise<readonly StoredUser[]>;
  /** The changed account, or undefined when there is none of that name. */
  updateUser(name: string, changes: UserChanges): Promise<StoredUser | undefined>;

  putLogin(login: StoredLogin): Promise<void>;
  findLogin(tokenHash: string): Promise<StoredLogin | undefined>;
  renewLogin(tokenHash: string, expiresAt: number): Promise<void>;
  deleteLogin(tokenHash: string): Promise<void>;
  deleteLoginsOf(userName: string): Promise<void>;
  deleteExpiredLogins(nowMs: number): Promise<number>;

  settings(): Promise<DashboardSettings>;
  putSettings(settings: DashboardSettings): Promise<void>;

  /** Starts the notice about an escalated alert; false when one was already started. */
  startNotification(
    robot: string,
    alertId: string,
    contact: SecondContact | null,
    atIso: string,
  ): Promise<boolean>;
  recordDelivery(record: DeliveryRecord): Promise<void>;
  finishNotification(
    robot: string,
    alertId: string,
    state: Exclude<NotificationState, 'sending'>,
    atIso: string,
  ): Promise<void>;
  pendingNotifications(): Promise<readonly PendingNotification[]>;

  /**
   * Removes history older than `cutoffIso`: session events (turns, summaries) and risk notices
   * (counted with the events), sessions left empty, mood points, acknowledged alerts and their
   * second-contact notifications. Open and escalated alerts stay.
   */
  purgeBefore(cutoffIso: string): Promise<PurgeCounts>;

  /** Closes the database. Idempotent. */
  dispose(): void | Promise<void>;
}
