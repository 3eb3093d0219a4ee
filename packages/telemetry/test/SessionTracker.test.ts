import { describe, it, expect } from '@jest/globals';
import { SessionTracker } from '../src/SessionTracker.js';

describe('SessionTracker', () => {
  it('numbers start, turns and end of a session from 1', () => {
    const tracker = new SessionTracker();
    expect(tracker.onState('', 'init')).toEqual([]);
    expect(tracker.onState('s1', 'wake.detected')).toEqual([
      { type: 'session.start', sessionId: 's1', seq: 1 },
    ]);
    expect(tracker.onState('s1', 'speech.final')).toEqual([]);
    expect(tracker.onTurn('s1')).toEqual([{ type: 'turn', sessionId: 's1', seq: 2 }]);
    expect(tracker.onTurn('s1')).toEqual([{ type: 'turn', sessionId: 's1', seq: 3 }]);
    expect(tracker.onState('', 'session.timeout')).toEqual([
      { type: 'session.end', sessionId: 's1', seq: 4, turnCount: 2, reason: 'session.timeout' },
    ]);
    expect(tracker.currentSessionId).toBe('');
  });

  it('ends one session and starts the next when the id changes', () => {
    const tracker = new SessionTracker();
    tracker.onState('s1', 'wake.detected');
    expect(tracker.onState('s2', 'wake.detected')).toEqual([
      { type: 'session.end', sessionId: 's1', seq: 2, turnCount: 0, reason: 'wake.detected' },
      { type: 'session.start', sessionId: 's2', seq: 1 },
    ]);
  });

  it('opens a session it never saw start when a turn arrives for it', () => {
    const tracker = new SessionTracker();
    expect(tracker.onTurn('late')).toEqual([
      { type: 'session.start', sessionId: 'late', seq: 1 },
      { type: 'turn', sessionId: 'late', seq: 2 },
    ]);
    expect(tracker.onState('late', 'speech.final')).toEqual([]);
  });

  it('numbers a turn that arrives after its session ended after the end, without reopening it', () => {
    const tracker = new SessionTracker();
    tracker.onState('s1', 'wake.detected');
    tracker.onState('', 'user.goodbye');
    expect(tracker.onTurn('s1')).toEqual([{ type: 'turn', sessionId: 's1', seq: 3 }]);
    expect(tracker.currentSessionId).toBe('');
  });

  it('numbers the summary after its session ended, and in the open session when it overtakes the end', () => {
    const tracker = new SessionTracker();
    tracker.onState('s1', 'wake.detected');
    tracker.onState('', 'user.goodbye');
    expect(tracker.onSummary('s1')).toEqual([{ type: 'session.summary', sessionId: 's1', seq: 3 }]);
    tracker.onState('s2', 'wake.detected');
    expect(tracker.onSummary('s2')).toEqual([{ type: 'session.summary', sessionId: 's2', seq: 2 }]);
    expect(tracker.onSummary('s3')).toEqual([
      { type: 'session.start', sessionId: 's3', seq: 1 },
      { type: 'session.summary', sessionId: 's3', seq: 2 },
    ]);
  });

  it("counts the person's turns only, not the robot's own speech", () => {
    const tracker = new SessionTracker();
    tracker.onState('s1', 'wake.detected');
    expect(tracker.onTurn('s1', 'greeting')).toEqual([{ type: 'turn', sessionId: 's1', seq: 2 }]);
    tracker.onTurn('s1', 'reply');
    tracker.onTurn('s1', 'check_in');
    tracker.onTurn('s1', 'caregiver_say');
    // A record from before TurnRecord.kind (empty) is a reply.
    tracker.onTurn('s1', '');
    expect(tracker.onState('', 'session.timeout')).toEqual([
      { type: 'session.end', sessionId: 's1', seq: 7, turnCount: 2, reason: 'session.timeout' },
    ]);
  });

  it("sends a caregiver's words said outside any session as a one-turn session of its own", () => {
    let n = 0;
    const tracker = new SessionTracker(() => `robot-${++n}`);
    expect(tracker.onTurn('', 'caregiver_say')).toEqual([
      { type: 'session.start', sessionId: 'robot-1', seq: 1 },
      { type: 'turn', sessionId: 'robot-1', seq: 2 },
      {
        type: 'session.end',
        sessionId: 'robot-1',
        seq: 3,
        turnCount: 0,
        reason: 'outside.session',
      },
    ]);
    // The open session (one may open meanwhile) is left alone.
    tracker.onState('s1', 'wake.detected');
    expect(tracker.onTurn('', 'caregiver_say').map((event) => event.sessionId)).toEqual([
      'robot-2',
      'robot-2',
      'robot-2',
    ]);
    expect(tracker.currentSessionId).toBe('s1');
    expect(tracker.onTurn('s1', 'reply')).toEqual([{ type: 'turn', sessionId: 's1', seq: 2 }]);
    // A reply without a session is the sender's fault: nothing to send.
    expect(tracker.onTurn('', 'reply')).toEqual([]);
  });

  it('continues restored sessions where they stopped; a session reported as new is new', () => {
    const first = new SessionTracker(undefined, () => 5000);
    first.onState('s1', 'wake.detected');
    first.onTurn('s1');
    const saved = first.snapshot();
    expect(saved).toEqual({
      current: 's1',
      sessions: [{ sessionId: 's1', seq: 2, turnCount: 1, startedAt: 5000 }],
    });

    const again = new SessionTracker();
    again.restore(saved);
    expect(again.currentSessionId).toBe('s1');
    expect(again.onState('s1', 'speech.final')).toEqual([]);
    expect(again.onTurn('s1')).toEqual([{ type: 'turn', sessionId: 's1', seq: 3 }]);
    expect(again.onState('s2', 'wake.detected')).toEqual([
      { type: 'session.end', sessionId: 's1', seq: 4, turnCount: 2, reason: 'wake.detected' },
      { type: 'session.start', sessionId: 's2', seq: 1 },
    ]);
  });

  it("lifts a turn count that fell behind to the dialogue's turn_index, never lowers it", () => {
    const tracker = new SessionTracker();
    tracker.restore({
      current: 's1',
      sessions: [{ sessionId: 's1', seq: 70, turnCount: 3, startedAt: 0 }],
    });
    tracker.onTurn('s1', 'reply', 7);
    tracker.onTurn('s1', 'check_in', 7);
    tracker.onTurn('s1', 'reply', 2);
    expect(tracker.onState('', 'goodbye')).toEqual([
      { type: 'session.end', sessionId: 's1', seq: 74, turnCount: 8, reason: 'goodbye' },
    ]);
  });
});
