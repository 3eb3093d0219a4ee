/**
 * Columns added after the first release of the SQLite store. `CREATE TABLE IF NOT EXISTS` leaves
 * an existing table as it was, so a database made by an older dashboard gets them here.
 */
import type Database from 'better-sqlite3';

const ADDED_COLUMNS: readonly { table: string; column: string; definition: string }[] = [
  { table: 'sessions', column: 'summary_json', definition: 'TEXT' },
  { table: 'users', column: 'disabled', definition: 'INTEGER NOT NULL DEFAULT 0' },
  // Accounts made before robots were assigned keep seeing every robot, as they did.
  { table: 'users', column: 'robots_json', definition: `TEXT NOT NULL DEFAULT '["*"]'` },
  { table: 'robots', column: 'quiet_json', definition: 'TEXT' },
];

export function migrate(db: Database.Database): void {
  for (const { table, column, definition } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}
