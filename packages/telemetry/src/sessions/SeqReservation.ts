/**
 * Decides when the open sessions' numbering must reach `sessions.json`, so that saving it costs
 * one write per `block` events instead of one per event. What is saved for a session is a
 * reservation: a `seq` no event of it has passed (the next `block` numbers are taken ahead). A
 * node restarted after a crash continues above the reservation, so `seq` stays strictly
 * increasing; the numbers it skips are harmless gaps (receivers order by `seq` and de-duplicate by
 * `eventId`, never count on contiguous numbers). A session's start or end, or a change of the
 * current session, is saved at once. Turn counts ride along with each save and are not worth a
 * write of their own: the dialogue's `turn_index` lifts a stale one back (SessionTracker.onTurn).
 * No I/O: the caller writes the snapshot it is handed, before the events it covers leave.
 */
import { NO_SESSIONS, type SessionsSnapshot } from '../SessionTracker.js';

/** Sequence numbers taken ahead with each save of `sessions.json`. */
export const SEQ_RESERVATION = 64;

export class SeqReservation {
  /** What is on disk; undefined when unknown (a failed write): the next change saves again. */
  private saved: SessionsSnapshot | undefined = NO_SESSIONS;

  constructor(private readonly block = SEQ_RESERVATION) {
    if (!Number.isInteger(block) || block < 0)
      throw new RangeError(`SeqReservation block must be a whole number >= 0, got ${block}`);
  }

  /** The snapshot loaded at start is what is on disk. */
  restored(snapshot: SessionsSnapshot): void {
    this.saved = snapshot;
  }

  /**
   * After the tracker changed: the snapshot to save before the new events leave, or undefined
   * when the saved one still covers them (same sessions, every seq within its reservation).
   */
  next(now: SessionsSnapshot): SessionsSnapshot | undefined {
    const saved = this.saved;
    const ceilings = new Map(saved?.sessions.map((s) => [s.sessionId, s.seq]));
    const covered =
      saved !== undefined &&
      now.current === saved.current &&
      now.sessions.length === saved.sessions.length &&
      now.sessions.every((s) => s.seq <= (ceilings.get(s.sessionId) ?? -1));
    if (covered) return undefined;
    return this.mark({
      current: now.current,
      sessions: now.sessions.map((s) => {
        const ceiling = ceilings.get(s.sessionId);
        return {
          ...s,
          seq: ceiling !== undefined && s.seq <= ceiling ? ceiling : s.seq + this.block,
        };
      }),
    });
  }

  /** The numbering exactly as it is (a clean shutdown: a restart then leaves no gap). */
  exact(now: SessionsSnapshot): SessionsSnapshot {
    return this.mark(now);
  }

  /** The last snapshot handed out was not written: whatever changes next is saved again. */
  forget(): void {
    this.saved = undefined;
  }

  private mark(snapshot: SessionsSnapshot): SessionsSnapshot {
    this.saved = snapshot;
    return snapshot;
  }
}
