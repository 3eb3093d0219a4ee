/**
 * TurnRecord.kind in the turn payload: carried in both forms, optional within schema 1 (a turn
 * from a robot before it still validates, and means a reply).
 */
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TurnRecordType } from '@hearth/interfaces';
import { turnOf } from '../src/payloads.js';
import { SessionEventPayloadSchema, TurnSchema } from '../src/schemas.js';

const event = {
  schema: 1,
  robot: 'hearth-sim',
  ts: '2025-01-02T03:04:05.678Z',
  sessionId: 's1',
  eventId: randomUUID(),
  seq: 2,
  type: 'turn',
};

describe('the turn payload carries TurnRecord.kind', () => {
  it('in the shared and the unshared form, and both validate', () => {
    const record = TurnRecordType.create({
      session_id: 's1',
      kind: 'caregiver_say',
      reply_text: 'Your daughter will call at six.',
    });
    const shared = turnOf(record, true);
    const unshared = turnOf(record, false);
    expect(shared.kind).toBe('caregiver_say');
    expect(unshared).toMatchObject({ kind: 'caregiver_say', shared: false });
    for (const turn of [shared, unshared])
      expect(SessionEventPayloadSchema.safeParse({ ...event, turn }).success).toBe(true);
  });

  it('gives a record from before the field (kind empty) as a reply', () => {
    expect(turnOf(TurnRecordType.create({ session_id: 's1' }), false).kind).toBe('reply');
  });

  it('accepts a turn without kind (an older robot), so schema 1 stays compatible', () => {
    const { kind: _kind, ...older } = turnOf(TurnRecordType.create({ kind: 'reply' }), false);
    expect(TurnSchema.safeParse(older).success).toBe(true);
    expect(TurnSchema.safeParse({ ...older, kind: '' }).success).toBe(false);
  });
});
