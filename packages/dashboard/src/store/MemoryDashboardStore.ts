/**
 * The in-memory store: robots, their status and state, and the most recent sessions with their
 * turns. Bounded, so a dashboard left running for months does not grow without end. Everything,
 * logins included, is gone when the process ends.
 */
import type {
  AlertPayload,
  MetricsPayload,
  MoodPayload,
  SessionEventPayload,
  StatePayload,
  StatusPayload,
} from '@hearth/telemetry/mqtt';
import {
  DEFAULT_SETTINGS,
  type AlertView,
  type DashboardSettings,
  type DashboardSnapshot,
  type DashboardStore,
  type DeliveryRecord,
  type MoodPoint,
  type NoticeView,
  type NotificationState,
  type PendingNotification,
  type PurgeCounts,
  type QuietHoursView,
  type RobotScope,
  type RobotView,
  type SecondContact,
  type SessionSummary,
  type SessionView,
  type StoredLogin,
  type StoredUser,
  type StoreChange,
  type TurnView,
  type UserChanges,
} from './DashboardStore.js';
import { alertOrder, mergeAlert } from './mergeAlert.js';

/** Mood points and alerts kept in memory. */
const MAX_MOOD_POINTS = 5000;
const MAX_ALERTS = 500;
const MAX_NOTICES = 500;

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
  summary: SessionSummary | null;
  turns: TurnView[];
  /** Event id to its time, for de-duplication and retention. */
  eventIds: Map<string, string>;
}

interface MutableNotification {
  contact: SecondContact | null;
  state: NotificationState;
  startedAt: string;
  finishedAt: string | null;
  deliveries: DeliveryRecord[];
}

export class MemoryDashboardStore implements DashboardStore {
  private readonly robots = new Map<string, RobotView>();
  /** Insertion order is recency order: a session is re-inserted when it changes. */
  private readonly sessions = new Map<string, MutableSession>();
  private readonly maxSessions: number;
  private readonly maxTurns: number;
  private readonly alerts = new Map<string, AlertView>();
  private mood: MoodPoint[] = [];
  /** `${robot}/${noticeId}` -> notice, oldest first. */
  private readonly notices = new Map<string, NoticeView>();
  private readonly users = new Map<string, StoredUser>();
  private readonly logins = new Map<string, StoredLogin>();
  private readonly notifications = new Map<string, MutableNotification>();
  private currentSettings: DashboardSettings = DEFAULT_SETTINGS;

  constructor(options: MemoryDashboardStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 200;
    this.maxTurns = options.maxTurnsPerSession ?? 500;
  }

  async applyStatus(payload: StatusPayload): Promise<StoreChange> {
    const robot = { ...this.robotNow(payload.robot), status: payload.state, statusTs: payload.ts };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  async applyState(payload: StatePayload): Promise<StoreChange> {
    const { state, previousState, event, sessionId, turnIndex, ts } = payload;
    const robot = {
      ...this.robotNow(payload.robot),
      state: { state, previousState, event, sessionId, turnIndex, ts },
    };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  async applySessionEvent(payload: SessionEventPayload): Promise<StoreChange | undefined> {
    const session = this.session(payload.robot, payload.sessionId);
    if (session.eventIds.has(payload.eventId)) return undefined;
    session.eventIds.set(payload.eventId, payload.ts);
    switch (payload.type) {
      case 'session.summary':
        session.summary = payload.summary;
        break;
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
    return { robot: this.robotNow(payload.robot), session: this.view(session) };
  }

  async applyMetrics(payload: MetricsPayload): Promise<StoreChange> {
    const robot = { ...this.robotNow(payload.robot), metrics: payload };
    this.robots.set(payload.robot, robot);
    return { robot };
  }

  async applyMood(payload: MoodPayload): Promise<StoreChange> {
    const { schema: _schema, ...point } = payload;
    this.mood.push(point);
    if (this.mood.length > MAX_MOOD_POINTS) this.mood.splice(0, this.mood.length - MAX_MOOD_POINTS);
    this.ensureRobot(payload.robot);
    return { robot: this.robotNow(payload.robot), mood: point };
  }

  async applyAlert(payload: AlertPayload): Promise<StoreChange | undefined> {
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
    return { robot: this.robotNow(payload.robot), alert: this.withNotification(merged) };
  }

  async applyNotice(notice: NoticeView): Promise<StoreChange | undefined> {
    const key = `${notice.robot}/${notice.noticeId}`;
    if (this.notices.has(key)) return undefined;
    this.notices.set(key, notice);
    if (this.notices.size > MAX_NOTICES) {
      const oldest = this.notices.keys().next().value;
      if (oldest !== undefined) this.notices.delete(oldest);
    }
    this.ensureRobot(notice.robot);
    const session = notice.sessionId
      ? this.sessions.get(`${notice.robot}/${notice.sessionId}`)
      : undefined;
    return {
      robot: this.robotNow(notice.robot),
      notice,
      ...(session ? { session: this.view(session) } : {}),
    };
  }

  async setQuietHours(robot: string, quietHours: QuietHoursView): Promise<StoreChange> {
    const view = { ...this.robotNow(robot), quietHours };
    this.robots.set(robot, view);
    return { robot: view };
  }

  async snapshot(scope: RobotScope = 'all'): Promise<DashboardSnapshot> {
    const visible = (robot: string) => inScope(scope, robot);
    return {
      robots: [...this.robots.values()]
        .filter((r) => visible(r.robot))
        .sort((a, b) => a.robot.localeCompare(b.robot)),
      sessions: [...this.sessions.values()]
        .reverse()
        .filter((s) => visible(s.robot))
        .map((s) => this.view(s)),
      notices: [...this.notices.values()]
        .filter((n) => visible(n.robot))
        .reverse()
        .slice(0, 50),
      alerts: [...this.alerts.values()]
        .filter((a) => visible(a.robot))
        .sort(alertOrder)
        .slice(0, 50)
        .map((a) => this.withNotification(a)),
      mood: this.mood.filter((m) => visible(m.robot)).slice(-500),
    };
  }

  async searchSessions(
    query: string,
    limit: number,
    scope: RobotScope = 'all',
  ): Promise<readonly SessionView[]> {
    const needle = query.toLowerCase();
    const has = (text: string) => text.toLowerCase().includes(needle);
    return [...this.sessions.values()]
      .reverse()
      .filter(
        (s) =>
          inScope(scope, s.robot) &&
          (has(s.robot) ||
            has(s.sessionId) ||
            (s.summary !== null && (has(s.summary.moodStart) || has(s.summary.moodEnd))) ||
            s.turns.some((t) => t.turn.shared && (has(t.turn.userText) || has(t.turn.replyText)))),
      )
      .slice(0, limit)
      .map((s) => this.view(s));
  }

  async moodHistory(robot: string, sinceIso: string): Promise<readonly MoodPoint[]> {
    const since = Date.parse(sinceIso);
    return this.mood.filter((m) => m.robot === robot && Date.parse(m.ts) >= since);
  }

  async alert(robot: string, alertId: string): Promise<AlertView | undefined> {
    const alert = this.alerts.get(`${robot}/${alertId}`);
    return alert ? this.withNotification(alert) : undefined;
  }

  async userCount(): Promise<number> {
    return this.users.size;
  }

  async putUser(user: StoredUser): Promise<void> {
    this.users.set(user.name, user);
  }

  async findUser(name: string): Promise<StoredUser | undefined> {
    return this.users.get(name);
  }

  async listUsers(): Promise<readonly StoredUser[]> {
    return [...this.users.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async updateUser(name: string, changes: UserChanges): Promise<StoredUser | undefined> {
    const user = this.users.get(name);
    if (!user) return undefined;
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as UserChanges;
    const updated = { ...user, ...defined };
    this.users.set(name, updated);
    return updated;
  }

  async putLogin(login: StoredLogin): Promise<void> {
    this.logins.set(login.tokenHash, login);
  }

  async findLogin(tokenHash: string): Promise<StoredLogin | undefined> {
    return this.logins.get(tokenHash);
  }

  async renewLogin(tokenHash: string, expiresAt: number): Promise<void> {
    const login = this.logins.get(tokenHash);
    if (login) this.logins.set(tokenHash, { ...login, expiresAt });
  }

  async deleteLogin(tokenHash: string): Promise<void> {
    this.logins.delete(tokenHash);
  }

  async deleteLoginsOf(userName: string): Promise<void> {
    for (const [hash, login] of this.logins)
      if (login.userName === userName) this.logins.delete(hash);
  }

  async deleteExpiredLogins(nowMs: number): Promise<number> {
    let removed = 0;
    for (const [hash, login] of this.logins)
      if (login.expiresAt <= nowMs) removed += Number(this.logins.delete(hash));
    return removed;
  }

  async settings(): Promise<DashboardSettings> {
    return this.currentSettings;
  }

  async putSettings(settings: DashboardSettings): Promise<void> {
    this.currentSettings = settings;
  }

  async startNotification(
    robot: string,
    alertId: string,
    contact: SecondContact | null,
    atIso: string,
  ): Promise<boolean> {
    const key = `${robot}/${alertId}`;
    if (this.notifications.has(key)) return false;
    this.notifications.set(key, {
      contact,
      state: contact ? 'sending' : 'unconfigured',
      startedAt: atIso,
      finishedAt: contact ? null : atIso,
      deliveries: [],
    });
    return true;
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    this.notifications.get(`${record.robot}/${record.alertId}`)?.deliveries.push(record);
  }

  async finishNotification(
    robot: string,
    alertId: string,
    state: Exclude<NotificationState, 'sending'>,
    atIso: string,
  ): Promise<void> {
    const notification = this.notifications.get(`${robot}/${alertId}`);
    if (notification?.state !== 'sending') return;
    notification.state = state;
    notification.finishedAt = atIso;
  }

  async pendingNotifications(): Promise<readonly PendingNotification[]> {
    const pending: PendingNotification[] = [];
    for (const [key, n] of this.notifications) {
      if (n.state !== 'sending' || !n.contact) continue;
      const slash = key.indexOf('/');
      pending.push({
        robot: key.slice(0, slash),
        alertId: key.slice(slash + 1),
        contact: n.contact,
        attempts: n.deliveries.length,
      });
    }
    return pending;
  }

  async purgeBefore(cutoffIso: string): Promise<PurgeCounts> {
    const cutoff = Date.parse(cutoffIso);
    const old = (ts: string) => Date.parse(ts) < cutoff;
    let events = 0;
    let sessions = 0;
    for (const [key, session] of this.sessions) {
      for (const [eventId, ts] of session.eventIds)
        if (old(ts)) {
          session.eventIds.delete(eventId);
          events += 1;
        }
      session.turns = session.turns.filter((t) => !old(t.ts));
      if (session.eventIds.size === 0) {
        this.sessions.delete(key);
        sessions += 1;
      }
    }
    for (const [key, notice] of this.notices)
      if (old(notice.ts)) {
        this.notices.delete(key);
        events += 1;
      }
    const moodBefore = this.mood.length;
    this.mood = this.mood.filter((m) => !old(m.ts));
    let alerts = 0;
    for (const [key, alert] of this.alerts)
      if (alert.status === 'acknowledged' && old(alert.ts)) {
        this.alerts.delete(key);
        this.notifications.delete(key);
        alerts += 1;
      }
    return { events, sessions, mood: moodBefore - this.mood.length, alerts };
  }

  dispose(): void {
    this.robots.clear();
    this.sessions.clear();
    this.alerts.clear();
    this.logins.clear();
    this.notifications.clear();
    this.notices.clear();
    this.mood = [];
  }

  async robot(id: string): Promise<RobotView> {
    return this.robotNow(id);
  }

  private view(session: MutableSession): SessionView {
    const { robot, sessionId, startedAt, endedAt, endReason, summary } = session;
    const notices = [...this.notices.values()].filter(
      (n) => n.robot === robot && n.sessionId === sessionId,
    );
    return {
      robot,
      sessionId,
      startedAt,
      endedAt,
      endReason,
      summary,
      turns: [...session.turns],
      notices,
    };
  }

  private withNotification(alert: AlertView): AlertView {
    const n = this.notifications.get(`${alert.robot}/${alert.alertId}`);
    if (!n) return alert;
    return {
      ...alert,
      notification: {
        contact: n.contact?.name ?? '',
        state: n.state,
        startedAt: n.startedAt,
        finishedAt: n.finishedAt,
        deliveries: [...n.deliveries],
      },
    };
  }

  private ensureRobot(id: string): void {
    if (!this.robots.has(id)) this.robots.set(id, this.robotNow(id));
  }

  private robotNow(id: string): RobotView {
    return (
      this.robots.get(id) ?? {
        robot: id,
        status: 'unknown',
        statusTs: null,
        state: null,
        metrics: null,
        quietHours: null,
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
        summary: null,
        turns: [],
        eventIds: new Map(),
      };
      if (!this.robots.has(robot)) this.robots.set(robot, this.robotNow(robot));
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

function inScope(scope: RobotScope, robot: string): boolean {
  return scope === 'all' || scope.includes(robot);
}
