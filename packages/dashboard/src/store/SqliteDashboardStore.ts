/**
 * The SQLite store (better-sqlite3): what the dashboard knows survives its restarts, and history
 * goes back weeks. Session events are keyed by their eventId, so a redelivered event is applied
 * exactly once (INSERT OR IGNORE); turns are read back ordered by seq, whatever order they came in.
 * One file, WAL mode, so the page's reads do not wait for MQTT's writes.
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
import type {
  DashboardSnapshot,
  DashboardStore,
  MoodPoint,
  Role,
  RobotView,
  SessionView,
  StoredUser,
  StoreChange,
  TurnView,
} from './DashboardStore.js';
import { mergeAlert } from './mergeAlert.js';

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
`;

interface RobotRow {
  robot: string;
  status: string;
  status_ts: string | null;
  state_json: string | null;
  metrics_json: string | null;
}
interface SessionRow {
  robot: string;
  session_id: string;
  started_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
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
    this.snapshotSessions = options.snapshotSessions ?? 50;
    const last = this.db.prepare('SELECT MAX(changed) AS c FROM sessions').get() as {
      c: number | null;
    };
    this.clock = last.c ?? 0;
  }

  applyStatus(payload: StatusPayload): StoreChange {
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET status = ?, status_ts = ? WHERE robot = ?')
      .run(payload.state, payload.ts, payload.robot);
    return { robot: this.robot(payload.robot) };
  }

  applyState(payload: StatePayload): StoreChange {
    const { state, previousState, event, sessionId, turnIndex, ts } = payload;
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET state_json = ? WHERE robot = ?')
      .run(
        JSON.stringify({ state, previousState, event, sessionId, turnIndex, ts }),
        payload.robot,
      );
    return { robot: this.robot(payload.robot) };
  }

  applySessionEvent(payload: SessionEventPayload): StoreChange | undefined {
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
          turn?.shared ? `${turn.userText}\n${turn.replyText}`.toLowerCase() : '',
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
      robot: this.robot(payload.robot),
      session: this.session(payload.robot, payload.sessionId),
    };
  }

  applyMetrics(payload: MetricsPayload): StoreChange {
    this.ensureRobot(payload.robot);
    this.db
      .prepare('UPDATE robots SET metrics_json = ? WHERE robot = ?')
      .run(JSON.stringify(payload), payload.robot);
    return { robot: this.robot(payload.robot) };
  }

  applyMood(payload: MoodPayload): StoreChange {
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
    return { robot: this.robot(payload.robot), mood: point };
  }

  applyAlert(payload: AlertPayload): StoreChange | undefined {
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
    return { robot: this.robot(payload.robot), alert: merged };
  }

  snapshot(): DashboardSnapshot {
    const robots = (this.db.prepare('SELECT * FROM robots ORDER BY robot').all() as RobotRow[]).map(
      robotView,
    );
    const sessions = (
      this.db
        .prepare('SELECT * FROM sessions ORDER BY changed DESC LIMIT ?')
        .all(this.snapshotSessions) as SessionRow[]
    ).map((row) => this.sessionView(row));
    const alerts = (
      this.db
        .prepare(
          `SELECT payload_json FROM alerts
           ORDER BY (status = 'acknowledged'), raised_at DESC LIMIT 50`,
        )
        .all() as { payload_json: string }[]
    ).map((r) => AlertPayloadSchema.parse(JSON.parse(r.payload_json)));
    const mood = (
      this.db.prepare('SELECT * FROM mood ORDER BY id DESC LIMIT 500').all() as MoodRow[]
    )
      .reverse()
      .map(moodPoint);
    return { robots, sessions, alerts, mood };
  }

  searchSessions(query: string, limit: number): readonly SessionView[] {
    const like = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT s.* FROM sessions s
         WHERE lower(s.robot) LIKE @like ESCAPE '\\' OR lower(s.session_id) LIKE @like ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM events e WHERE e.robot = s.robot AND e.session_id = s.session_id
                       AND e.search_text LIKE @like ESCAPE '\\')
         ORDER BY s.changed DESC LIMIT @limit`,
      )
      .all({ like, limit }) as SessionRow[];
    return rows.map((row) => this.sessionView(row));
  }

  moodHistory(robot: string, sinceIso: string): readonly MoodPoint[] {
    return (
      this.db
        .prepare('SELECT * FROM mood WHERE robot = ? AND ts >= ? ORDER BY ts, id')
        .all(robot, sinceIso) as MoodRow[]
    ).map(moodPoint);
  }

  userCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  putUser(user: StoredUser): void {
    this.db
      .prepare(
        `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash`,
      )
      .run(user.name, user.role, user.passwordHash, user.createdAt);
  }

  findUser(name: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as
      UserRow | undefined;
    return row
      ? {
          name: row.name,
          role: row.role,
          passwordHash: row.password_hash,
          createdAt: row.created_at,
        }
      : undefined;
  }

  /** Closes the database. Idempotent. */
  dispose(): void {
    if (this.db.open) this.db.close();
  }

  private ensureRobot(robot: string): void {
    this.db.prepare('INSERT OR IGNORE INTO robots (robot) VALUES (?)').run(robot);
  }

  private robot(robot: string): RobotView {
    const row = this.db.prepare('SELECT * FROM robots WHERE robot = ?').get(robot) as
      RobotRow | undefined;
    return row
      ? robotView(row)
      : { robot, status: 'unknown', statusTs: null, state: null, metrics: null };
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
    return {
      robot: row.robot,
      sessionId: row.session_id,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
      turns,
    };
  }
}

function robotView(row: RobotRow): RobotView {
  const status = row.status === 'online' || row.status === 'offline' ? row.status : 'unknown';
  return {
    robot: row.robot,
    status,
    statusTs: row.status_ts,
    state: row.state_json ? (JSON.parse(row.state_json) as RobotView['state']) : null,
    metrics: row.metrics_json ? MetricsPayloadSchema.parse(JSON.parse(row.metrics_json)) : null,
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
