/**
 * Where the telemetry node keeps the alerts nobody has acknowledged yet, so that a robot restart
 * does not silence them: at start they are re-sent and their escalation resumes. The node saves
 * the whole open list after every change (it is small: a handful of alerts at most).
 */
import type { AlertPayload } from '../schemas.js';

export interface AlertStore {
  /** The open alerts saved last, oldest first; invalid records are skipped (and counted). */
  load(): AlertPayload[];
  /** Replaces what is saved with `open` (oldest first); an empty list leaves nothing behind. */
  save(open: readonly AlertPayload[]): void;
}
