/**
 * The SQLite store (better-sqlite3): what the dashboard knows survives its restarts, and history
 * goes back weeks. Session events are keyed by their eventId, so a redelivered event is applied
 * exactly once (INSERT OR IGNORE); turns are read back ordered by seq, whatever order they came in.
 * One file, WAL mode, so the page's reads do not wait for MQTT's writes. better-sqlite3 is
 * synchronous; the methods are `async` only to meet the store interface a networked database needs.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AlertPayloadSchema,
  MetricsPayloadSchema,
  TurnSchema,
  type AlertPayload,
  type MetricsPayload,
  type MoodPayload,
  type SessionEventPayload,
  type StatePayload,
  type StatusPayload,
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
  type NotificationView,
  type PendingNotification,
  type PurgeCounts,
  type QuietHoursView,
  type Role,
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
import { mergeAlert } from './mergeAlert.js';
import { migrate } from './sqliteMigrations.js';

export interface SqliteDashboardStoreOptions {
  /** The database file (created with its folder), or `:memory:`. */
  readonly file: string;
  /** Sessions in a snapshot; default 50 (older ones are found by search). */
  readonly snapshotSessions?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS robots (
  robot TEXT PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'unknown',
  status_ts TEXT,
  state_json TEXT,
  metrics_json TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  robot TEXT NOT NULL,
  session_id TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  end_reason TEXT,
  changed INTEGER NOT NULL,
  PRIMARY KEY (robot, session_id)
);
CREATE INDEX IF NOT EXISTS sessions_changed ON sessions (changed DESC);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY,
  robot TEXT NOT NULL,
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  ts TEXT NOT NULL,
  type TEXT NOT NULL,
  turn_json TEXT,
  search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_session ON events (robot, session_id, seq);
CREATE TABLE IF NOT EXISTS mood (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  robot TEXT NOT NULL,
  session_id TEXT NOT NULL,
  ts TEXT NOT NULL,
  emotion TEXT NOT NULL,
  intensity REAL NOT NULL,
  valence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS mood_robot_ts ON mood (robot, ts);
CREATE TABLE IF NOT EXISTS alerts (
  robot TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  status TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (robot, alert_id)
);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('caregiver', 'admin')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS logins (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS logins_user ON logins (user_name);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
  robot TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  contact_json TEXT,
  state TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (robot, alert_id)
);
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  robot TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_alert ON deliveries (robot, alert_id);
CREATE TABLE IF NOT EXISTS notices (
  robot TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  ts TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (robot, notice_id)
);
CREATE INDEX IF NOT EXISTS notices_session ON notices (robot, session_id, ts);
CREATE INDEX IF NOT EXISTS notices_ts ON notices (ts);
`;

interface RobotRow {
  robot: string;
  status: string;
  status_ts: string | null;
  state_json: string | null;
  metrics_json: string | null;
  quiet_json: string | null;
}
interface SessionRow {
  robot: string;
  session_id: string;
  started_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  summary_json: string | null;
}
interface TurnRow {
  event_id: string;
  seq: number;
  ts: string;
  turn_json: string;
}
interface MoodRow {
  robot: string;
  session_id: string;
  ts: string;
  emotion: string;
  intensity: number;
  valence: number;
}
interface UserRow {
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: number;
  robots_json: string;
}
interface LoginRow {
  token_hash: string;
  user_name: string;
  created_at: string;
  expires_at: number;
}
interface NotificationRow {
  robot: string;
  alert_id: string;
  contact_json: string | null;
  state: NotificationState;
  started_at: string;
  finished_at: string | null;
}
interface DeliveryRow {
  robot: string;
  alert_id: string;
  attempt: number;
  at: string;
  ok: number;
  detail: string;
}

export class SqliteDashboardStore implements DashboardStore {
  private readonly db: Database.Database;
  private readonly snapshotSessions: number;
  private clock = 0;

  constructor(options: SqliteDashboardStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    migrate(this.db);
    this.snapshotSessions = options.snapshotSessions ?? 50;
    const last = this.db.prepare('SELECT MAX(changed) AS c FROM sessions').get() as {
      c: number | null;
    };
    this.clock = last.c ?? 0;
  }

  async applyStatus(payload: StatusPayload): Promise<StoreChange> {
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET status = ?, status_ts = ? WHERE robot = ?')
      .run(payload.state, payload.ts, payload.robot);
    return { robot: this.robotView(payload.robot) };
  }

  async applyState(payload: StatePayload): Promise<StoreChange> {
    const { state, previousState, event, sessionId, turnIndex, ts } = payload;
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET state_json = ? WHERE robot = ?')
      .run(
        JSON.stringify({ state, previousState, event, sessionId, turnIndex, ts }),
        payload.robot,
      );
    return { robot: this.robotView(payload.robot) };
  }

  async applySessionEvent(payload: SessionEventPayload): Promise<StoreChange | undefined> {
    const apply = this.db.transaction((): boolean => {
      const turn = payload.type === 'turn' ? payload.turn : undefined;
      const inserted = this.db
        .prepare(
          `INSERT OR IGNORE INTO events (event_id, robot, session_id, seq, ts, type, turn_json, search_text)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          payload.eventId,
          payload.robot,
          payload.sessionId,
          payload.seq,
          payload.ts,
          payload.type,
          turn ? JSON.stringify(turn) : null,
          searchText(payload),
        );
      if (inserted.changes === 0) return false;
      this.ensureRobot(payload.robot);
      this.db
        .prepare(
          `INSERT INTO sessions (robot, session_id, changed) VALUES (?, ?, ?)
           ON CONFLICT (robot, session_id) DO UPDATE SET changed = excluded.changed`,
        )
        .run(payload.robot, payload.sessionId, ++this.clock);
      if (payload.type === 'session.start')
        this.db
          .prepare('UPDATE sessions SET started_at = ? WHERE robot = ? AND session_id = ?')
          .run(payload.ts, payload.robot, payload.sessionId);
      if (payload.type === 'session.summary')
        this.db
          .prepare('UPDATE sessions SET summary_json = ? WHERE robot = ? AND session_id = ?')
          .run(JSON.stringify(payload.summary), payload.robot, payload.sessionId);
      if (payload.type === 'session.end')
        this.db
          .prepare(
            'UPDATE sessions SET ended_at = ?, end_reason = ? WHERE robot = ? AND session_id = ?',
          )
          .run(payload.ts, payload.reason, payload.robot, payload.sessionId);
      return true;
    });
    if (!apply()) return undefined;
    return {
      robot: this.robotView(payload.robot),
      session: this.session(payload.robot, payload.sessionId),
    };
  }

  async applyMetrics(payload: MetricsPayload): Promise<StoreChange> {
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET metrics_json = ? WHERE robot = ?')
      .run(JSON.stringify(payload), payload.robot);
    return { robot: this.robotView(payload.robot) };
  }

  async applyMood(payload: MoodPayload): Promise<StoreChange> {
    this.ensureRobot(payload.robot);
    this.db
      .prepare(
        'INSERT INTO mood (robot, session_id, ts, emotion, intensity, valence) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        payload.robot,
        payload.sessionId,
        payload.ts,
        payload.emotion,
        payload.intensity,
        payload.valence,
      );
    const { schema: _schema, ...point } = payload;
    return { robot: this.robotView(payload.robot), mood: point };
  }

  async applyAlert(payload: AlertPayload): Promise<StoreChange | undefined> {
    const row = this.db
      .prepare('SELECT payload_json FROM alerts WHERE robot = ? AND alert_id = ?')
      .get(payload.robot, payload.alertId) as { payload_json: string } | undefined;
    const previous = row ? AlertPayloadSchema.parse(JSON.parse(row.payload_json)) : undefined;
    const merged = mergeAlert(previous, payload);
    if (!merged) return undefined;
    this.ensureRobot(payload.robot);
    this.db
      .prepare(
        `INSERT INTO alerts (robot, alert_id, status, raised_at, payload_json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (robot, alert_id) DO UPDATE SET status = excluded.status, payload_json = excluded.payload_json`,
      )
      .run(merged.robot, merged.alertId, merged.status, merged.raisedAt, JSON.stringify(merged));
    return { robot: this.robotView(payload.robot), alert: merged };
  }

  async applyNotice(notice: NoticeView): Promise<StoreChange | undefined> {
    const inserted = this.db
      .prepare(
        `INSERT OR IGNORE INTO notices (robot, notice_id, session_id, ts, payload_json)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(notice.robot, notice.noticeId, notice.sessionId, notice.ts, JSON.stringify(notice));
    if (inserted.changes === 0) return undefined;
    this.ensureRobot(notice.robot);
    const session = notice.sessionId ? this.session(notice.robot, notice.sessionId) : undefined;
    return { robot: this.robotView(notice.robot), notice, ...(session ? { session } : {}) };
  }

  async setQuietHours(robot: string, quietHours: QuietHoursView): Promise<StoreChange> {
    this.ensureRobot(robot);
    this.db
      .prepare('UPDATE robots SET quiet_json = ? WHERE robot = ?')
      .run(JSON.stringify(quietHours), robot);
    return { robot: this.robotView(robot) };
  }

  async snapshot(scope: RobotScope = 'all'): Promise<DashboardSnapshot> {
    const visible = scopeParams(scope);
    const robots = (
      this.db
        .prepare(`SELECT * FROM robots r WHERE ${IN_SCOPE('r')} ORDER BY robot`)
        .all(visible) as RobotRow[]
    ).map(robotView);
    const sessions = (
      this.db
        .prepare(`SELECT * FROM sessions r WHERE ${IN_SCOPE('r')} ORDER BY changed DESC LIMIT @n`)
        .all({ ...visible, n: this.snapshotSessions }) as SessionRow[]
    ).map((row) => this.sessionView(row));
    const alerts = (
      this.db
        .prepare(
          `SELECT payload_json FROM alerts r WHERE ${IN_SCOPE('r')}
           ORDER BY (status = 'acknowledged'), raised_at DESC LIMIT 50`,
        )
        .all(visible) as { payload_json: string }[]
    ).map((r) => this.withNotification(AlertPayloadSchema.parse(JSON.parse(r.payload_json))));
    const mood = (
      this.db
        .prepare(`SELECT * FROM mood r WHERE ${IN_SCOPE('r')} ORDER BY id DESC LIMIT 500`)
        .all(visible) as MoodRow[]
    )
      .reverse()
      .map(moodPoint);
    const notices = (
      this.db
        .prepare(
          `SELECT payload_json FROM notices r WHERE ${IN_SCOPE('r')} ORDER BY ts DESC LIMIT 50`,
        )
        .all(visible) as { payload_json: string }[]
    ).map((r) => JSON.parse(r.payload_json) as NoticeView);
    return { robots, sessions, alerts, mood, notices };
  }

  async searchSessions(
    query: string,
    limit: number,
    scope: RobotScope = 'all',
  ): Promise<readonly SessionView[]> {
    const like = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT r.* FROM sessions r
         WHERE ${IN_SCOPE('r')} AND (lower(r.robot) LIKE @like ESCAPE '\\'
            OR lower(r.session_id) LIKE @like ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM events e WHERE e.robot = r.robot AND e.session_id = r.session_id
                       AND e.search_text LIKE @like ESCAPE '\\'))
         ORDER BY r.changed DESC LIMIT @limit`,
      )
      .all({ ...scopeParams(scope), like, limit }) as SessionRow[];
    return rows.map((row) => this.sessionView(row));
  }

  async moodHistory(robot: string, sinceIso: string): Promise<readonly MoodPoint[]> {
    return (
      this.db
        .prepare('SELECT * FROM mood WHERE robot = ? AND ts >= ? ORDER BY ts, id')
        .all(robot, sinceIso) as MoodRow[]
    ).map(moodPoint);
  }

  async robot(robot: string): Promise<RobotView> {
    return this.robotView(robot);
  }

  async alert(robot: string, alertId: string): Promise<AlertView | undefined> {
    const row = this.db
      .prepare('SELECT payload_json FROM alerts WHERE robot = ? AND alert_id = ?')
      .get(robot, alertId) as { payload_json: string } | undefined;
    return row
      ? this.withNotification(AlertPayloadSchema.parse(JSON.parse(row.payload_json)))
      : undefined;
  }

  async userCount(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async putUser(user: StoredUser): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO users (name, role, password_hash, created_at, disabled, robots_json)
         VALUES (@name, @role, @hash, @createdAt, @disabled, @robots)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
           disabled = excluded.disabled, robots_json = excluded.robots_json`,
      )
      .run({
        name: user.name,
        role: user.role,
        hash: user.passwordHash,
        createdAt: user.createdAt,
        disabled: user.disabled ? 1 : 0,
        robots: JSON.stringify(user.robots),
      });
  }

  async findUser(name: string): Promise<StoredUser | undefined> {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as
      UserRow | undefined;
    return row ? userFromRow(row) : undefined;
  }

  async listUsers(): Promise<readonly StoredUser[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(
      userFromRow,
    );
  }

  async updateUser(name: string, changes: UserChanges): Promise<StoredUser | undefined> {
    const user = await this.findUser(name);
    if (!user) return undefined;
    const updated: StoredUser = { ...user, ...definedOnly(changes) };
    await this.putUser(updated);
    return updated;
  }

  async putLogin(login: StoredLogin): Promise<void> {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO logins (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(login.tokenHash, login.userName, login.createdAt, login.expiresAt);
  }

  async findLogin(tokenHash: string): Promise<StoredLogin | undefined> {
    const row = this.db.prepare('SELECT * FROM logins WHERE token_hash = ?').get(tokenHash) as
      LoginRow | undefined;
    return row
      ? {
          tokenHash: row.token_hash,
          userName: row.user_name,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async renewLogin(tokenHash: string, expiresAt: number): Promise<void> {
    this.db
      .prepare('UPDATE logins SET expires_at = ? WHERE token_hash = ?')
      .run(expiresAt, tokenHash);
  }

  async deleteLogin(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM logins WHERE token_hash = ?').run(tokenHash);
  }

  async deleteLoginsOf(userName: string): Promise<void> {
    this.db.prepare('DELETE FROM logins WHERE user_name = ?').run(userName);
  }

  async deleteExpiredLogins(nowMs: number): Promise<number> {
    return this.db.prepare('DELETE FROM logins WHERE expires_at <= ?').run(nowMs).changes;
  }

  async settings(): Promise<DashboardSettings> {
    const row = this.db.prepare("SELECT value_json FROM settings WHERE key = 'dashboard'").get() as
      { value_json: string } | undefined;
    return row
      ? { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value_json) as Partial<DashboardSettings>) }
      : DEFAULT_SETTINGS;
  }

  async putSettings(settings: DashboardSettings): Promise<void> {
    this.db
      .prepare("INSERT OR REPLACE INTO settings (key, value_json) VALUES ('dashboard', ?)")
      .run(JSON.stringify(settings));
  }

  async startNotification(
    robot: string,
    alertId: string,
    contact: SecondContact | null,
    atIso: string,
  ): Promise<boolean> {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO notifications (robot, alert_id, contact_json, state, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          robot,
          alertId,
          contact ? JSON.stringify(contact) : null,
          contact ? 'sending' : 'unconfigured',
          atIso,
          contact ? null : atIso,
        ).changes === 1
    );
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO deliveries (robot, alert_id, attempt, at, ok, detail) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        record.robot,
        record.alertId,
        record.attempt,
        record.at,
        record.ok ? 1 : 0,
        record.detail,
      );
  }

  async finishNotification(
    robot: string,
    alertId: string,
    state: Exclude<NotificationState, 'sending'>,
    atIso: string,
  ): Promise<void> {
    this.db
      .prepare(
        "UPDATE notifications SET state = ?, finished_at = ? WHERE robot = ? AND alert_id = ? AND state = 'sending'",
      )
      .run(state, atIso, robot, alertId);
  }

  async pendingNotifications(): Promise<readonly PendingNotification[]> {
    const rows = this.db
      .prepare(
        `SELECT n.*, (SELECT COUNT(*) FROM deliveries d WHERE d.robot = n.robot AND d.alert_id = n.alert_id) AS attempts
         FROM notifications n WHERE state = 'sending' AND contact_json IS NOT NULL`,
      )
      .all() as (NotificationRow & { attempts: number; contact_json: string })[];
    return rows.map((row) => ({
      robot: row.robot,
      alertId: row.alert_id,
      contact: JSON.parse(row.contact_json) as SecondContact,
      attempts: row.attempts,
    }));
  }

  async purgeBefore(cutoffIso: string): Promise<PurgeCounts> {
    const purge = this.db.transaction((): PurgeCounts => {
      // julianday(): times may carry any UTC offset, so strings do not compare.
      const events = this.db
        .prepare('DELETE FROM events WHERE julianday(ts) < julianday(?)')
        .run(cutoffIso).changes;
      const notices = this.db
        .prepare('DELETE FROM notices WHERE julianday(ts) < julianday(?)')
        .run(cutoffIso).changes;
      const sessions = this.db
        .prepare(
          `DELETE FROM sessions WHERE NOT EXISTS (SELECT 1 FROM events e
             WHERE e.robot = sessions.robot AND e.session_id = sessions.session_id)`,
        )
        .run().changes;
      const mood = this.db
        .prepare('DELETE FROM mood WHERE julianday(ts) < julianday(?)')
        .run(cutoffIso).changes;
      // Only acknowledged alerts: one nobody has answered must stay in front of the caregivers.
      const old = `status = 'acknowledged' AND julianday(json_extract(payload_json, '$.ts')) < julianday(@cutoff)`;
      for (const table of ['deliveries', 'notifications'])
        this.db
          .prepare(
            `DELETE FROM ${table} WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.robot = ${table}.robot
               AND a.alert_id = ${table}.alert_id AND ${old})`,
          )
          .run({ cutoff: cutoffIso });
      const alerts = this.db
        .prepare(`DELETE FROM alerts WHERE ${old}`)
        .run({ cutoff: cutoffIso }).changes;
      return { events: events + notices, sessions, mood, alerts };
    });
    return purge();
  }

  /** Closes the database. Idempotent. */
  dispose(): void {
    if (this.db.open) this.db.close();
  }

  private ensureRobot(robot: string): void {
    this.db.prepare('INSERT OR IGNORE INTO robots (robot) VALUES (?)').run(robot);
  }

  private robotView(robot: string): RobotView {
    const row = this.db.prepare('SELECT * FROM robots WHERE robot = ?').get(robot) as
      RobotRow | undefined;
    return row
      ? robotView(row)
      : { robot, status: 'unknown', statusTs: null, state: null, metrics: null, quietHours: null };
  }

  private session(robot: string, sessionId: string): SessionView | undefined {
    const row = this.db
      .prepare('SELECT * FROM sessions WHERE robot = ? AND session_id = ?')
      .get(robot, sessionId) as SessionRow | undefined;
    return row ? this.sessionView(row) : undefined;
  }

  private sessionView(row: SessionRow): SessionView {
    const turns = (
      this.db
        .prepare(
          `SELECT event_id, seq, ts, turn_json FROM events
           WHERE robot = ? AND session_id = ? AND type = 'turn' ORDER BY seq`,
        )
        .all(row.robot, row.session_id) as TurnRow[]
    ).map((t): TurnView => ({
      eventId: t.event_id,
      seq: t.seq,
      ts: t.ts,
      turn: TurnSchema.parse(JSON.parse(t.turn_json)),
    }));
    const notices = (
      this.db
        .prepare(
          'SELECT payload_json FROM notices WHERE robot = ? AND session_id = ? ORDER BY ts, notice_id',
        )
        .all(row.robot, row.session_id) as { payload_json: string }[]
    ).map((n) => JSON.parse(n.payload_json) as NoticeView);
    return {
      robot: row.robot,
      sessionId: row.session_id,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
      turns,
      summary: row.summary_json ? (JSON.parse(row.summary_json) as SessionSummary) : null,
      notices,
    };
  }

  private withNotification(alert: AlertView): AlertView {
    const row = this.db
      .prepare('SELECT * FROM notifications WHERE robot = ? AND alert_id = ?')
      .get(alert.robot, alert.alertId) as NotificationRow | undefined;
    if (!row) return alert;
    const deliveries = (
      this.db
        .prepare('SELECT * FROM deliveries WHERE robot = ? AND alert_id = ? ORDER BY id')
        .all(alert.robot, alert.alertId) as DeliveryRow[]
    ).map((d): DeliveryRecord => ({
      robot: d.robot,
      alertId: d.alert_id,
      attempt: d.attempt,
      at: d.at,
      ok: d.ok === 1,
      detail: d.detail,
    }));
    const notification: NotificationView = {
      contact: row.contact_json ? (JSON.parse(row.contact_json) as SecondContact).name : '',
      state: row.state,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      deliveries,
    };
    return { ...alert, notification };
  }
}

/** `r.robot` is one the reader may see; with the parameters of scopeParams. */
const IN_SCOPE = (alias: string) =>
  `(@all = 1 OR ${alias}.robot IN (SELECT value FROM json_each(@robots)))`;

function scopeParams(scope: RobotScope): { all: number; robots: string } {
  return scope === 'all' ? { all: 1, robots: '[]' } : { all: 0, robots: JSON.stringify(scope) };
}

/** What search finds in an event: shared words of a turn, the moods of a summary. */
function searchText(payload: SessionEventPayload): string {
  if (payload.type === 'turn' && payload.turn.shared)
    return `${payload.turn.userText}\n${payload.turn.replyText}`.toLowerCase();
  if (payload.type === 'session.summary')
    return `${payload.summary.moodStart}\n${payload.summary.moodEnd}`.toLowerCase();
  return '';
}

function userFromRow(row: UserRow): StoredUser {
  return {
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabled: row.disabled === 1,
    robots: JSON.parse(row.robots_json) as string[],
  };
}

function definedOnly(changes: UserChanges): UserChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as UserChanges;
}

function robotView(row: RobotRow): RobotView {
  const status = row.status === 'online' || row.status === 'offline' ? row.status : 'unknown';
  return {
    robot: row.robot,
    status,
    statusTs: row.status_ts,
    state: row.state_json ? (JSON.parse(row.state_json) as RobotView['state']) : null,
    metrics: row.metrics_json ? MetricsPayloadSchema.parse(JSON.parse(row.metrics_json)) : null,
    quietHours: row.quiet_json ? (JSON.parse(row.quiet_json) as QuietHoursView) : null,
  };
}

function moodPoint(row: MoodRow): MoodPoint {
  return {
    robot: row.robot,
    sessionId: row.session_id,
    ts: row.ts,
    emotion: row.emotion,
    intensity: row.intensity,
    valence: row.valence,
  };
}
