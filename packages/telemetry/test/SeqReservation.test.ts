/**
 * sessions.json is written once per SEQ_RESERVATION events, not once per event, and a node that
 * restarts from whatever was last written (a crash: the events after it were sent, their numbers
 * never saved) still numbers above every event it sent. Real SessionTracker, no I/O.
 */
import { describe, expect, it } from '@jest/globals';
import { SessionTracker, type SessionsSnapshot, type TrackedEvent } from '../src/SessionTracker.js';
import { SEQ_RESERVATION, SeqReservation } from '../src/sessions/SeqReservation.js';

/** A tracker and its reservation as TelemetryNode pairs them; `writes` is what reached disk. */
function robot(from?: SessionsSnapshot) {
  const tracker = new SessionTracker(undefined, () => 1000);
  const reservation = new SeqReservation();
  if (from) {
    tracker.restore(from);
    reservation.restored(from);
  }
  const writes: SessionsSnapshot[] = [];
  const sent: number[] = [];
  const ends: TrackedEvent[] = [];
  const apply = (events: readonly TrackedEvent[]) => {
    const snapshot = reservation.next(tracker.snapshot());
    if (snapshot) writes.push(snapshot);
    for (const event of events) if (event.sessionId === 's1') sent.push(event.seq);
    ends.push(...events.filter((event) => event.type === 'session.end'));
  };
  return {
    tracker,
    reservation,
    writes,
    sent,
    ends,
    state: (id: string) => apply(tracker.onState(id, 'test')),
    turn: (index: number, kind = 'reply') => apply(tracker.onTurn('s1', kind, index)),
  };
}

describe('SeqReservation', () => {
  it('writes once per reservation, not once per event', () => {
    const r = robot();
    r.state('s1');
    for (let i = 1; i <= 500; i += 1) r.turn(i, i % 3 === 0 ? 'check_in' : 'reply');
    expect(r.sent).toHaveLength(501);
    // The session's start, then one write each time seq passes its reservation.
    expect(r.writes.length).toBe(1 + Math.floor(500 / SEQ_RESERVATION));
    expect(r.writes[0]).toMatchObject({ current: 's1', sessions: [{ sessionId: 's1', seq: 65 }] });
  });

  it('a restart from the last write continues above every seq sent, turn count lifted back', () => {
    const first = robot();
    first.state('s1');
    for (let i = 1; i <= 100; i += 1) first.turn(i);
    // The crash: the disk holds the last write, not the 100 turns' exact numbering.
    const onDisk = first.writes.at(-1)!;
    expect(onDisk.sessions[0]!.turnCount).toBeLessThan(100);

    const second = robot(onDisk);
    second.state('s1'); // the dialogue still in the same session: continued, not started again
    second.turn(101);
    second.state('');
    const all = [...first.sent, ...second.sent];
    for (let i = 1; i < all.length; i += 1) expect(all[i]).toBeGreaterThan(all[i - 1]!);
    expect(second.sent[0]).toBe(onDisk.sessions[0]!.seq + 1);
    // The first event after the restart needs a new reservation; the end removes the session.
    expect(second.writes.map((w) => w.sessions.length)).toEqual([1, 0]);
    expect(second.tracker.snapshot().sessions).toEqual([]);
    // turn_index 101 lifted the count saved turns ago; the robot's own speech never counts.
    expect(second.ends).toEqual([expect.objectContaining({ sessionId: 's1', turnCount: 101 })]);
  });

  it('saves at once when a session opens or ends, or when a write failed', () => {
    const r = robot();
    r.state('s1');
    r.turn(1);
    expect(r.writes).toHaveLength(1);
    r.reservation.forget();
    r.turn(2);
    expect(r.writes).toHaveLength(2);
    r.state('s2');
    expect(r.writes.at(-1)!.sessions.map((s) => s.sessionId)).toEqual(['s2']);
  });

  it('a clean stop saves the numbering exactly, so the restart leaves no gap', () => {
    const first = robot();
    first.state('s1');
    first.turn(1);
    first.turn(2);
    const exact = first.reservation.exact(first.tracker.snapshot());
    expect(exact.sessions).toEqual([{ sessionId: 's1', seq: 3, turnCount: 2, startedAt: 1000 }]);
    const second = robot(exact);
    second.turn(3);
    expect(second.sent).toEqual([4]);
  });
});
