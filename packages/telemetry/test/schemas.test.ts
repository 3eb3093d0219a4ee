import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  CommandPayloadSchema,
  MAX_PAYLOAD_BYTES,
  SessionEventPayloadSchema,
  StatePayloadSchema,
  StatusPayloadSchema,
  parsePayload,
} from '../src/schemas.js';

const envelope = { schema: 1, robot: 'hearth-sim', ts: '2025-01-02T03:04:05.678Z' };
const timings = { llmFirstTokenMs: 120, llmTotalMs: 900, ttsFirstAudioMs: 300, turnTotalMs: 1500 };
const turnBase = {
  index: 0,
  strategy: 'Reflection of feelings',
  states: ['thinking', 'speaking'],
  gestures: ['nod'],
  interrupted: false,
  fallback: false,
  timings,
};

describe('payload schemas', () => {
  it('accept the payloads the robot sends', () => {
    expect(StatusPayloadSchema.parse({ ...envelope, state: 'online' }).state).toBe('online');
    expect(
      StatePayloadSchema.parse({
        ...envelope,
        state: 'listening',
        previousState: 'asleep',
        event: 'wake.detected',
        sessionId: 's1',
        turnIndex: 0,
      }),
    ).toMatchObject({ state: 'listening' });
    expect(
      StatePayloadSchema.parse({
        ...envelope,
        state: 'asleep',
        previousState: '',
        event: '',
        sessionId: '',
        turnIndex: 0,
      }).sessionId,
    ).toBe('');
    const event = {
      ...envelope,
      sessionId: 's1',
      eventId: randomUUID(),
      seq: 2,
      type: 'turn',
      turn: { ...turnBase, shared: true, userText: 'hi', replyText: 'hello' },
    };
    expect(SessionEventPayloadSchema.parse(event).type).toBe('turn');
  });

  it('require a schema version, robot and ISO time', () => {
    expect(StatusPayloadSchema.safeParse({ ...envelope, schema: 2, state: 'online' }).success).toBe(
      false,
    );
    expect(
      StatusPayloadSchema.safeParse({ ...envelope, ts: 'yesterday', state: 'online' }).success,
    ).toBe(false);
    expect(
      StatusPayloadSchema.safeParse({ schema: 1, ts: envelope.ts, state: 'online' }).success,
    ).toBe(false);
  });

  it('refuse an unshared turn that carries text', () => {
    const event = { ...envelope, sessionId: 's1', eventId: randomUUID(), seq: 2, type: 'turn' };
    expect(
      SessionEventPayloadSchema.safeParse({ ...event, turn: { ...turnBase, shared: false } })
        .success,
    ).toBe(true);
    expect(
      SessionEventPayloadSchema.safeParse({
        ...event,
        turn: { ...turnBase, shared: false, userText: 'secret' },
      }).success,
    ).toBe(false);
  });

  it('hold each command verb to its fields', () => {
    const base = { ...envelope, commandId: randomUUID(), issuedBy: 'ana' };
    expect(CommandPayloadSchema.safeParse({ ...base, verb: 'pause' }).success).toBe(true);
    expect(
      CommandPayloadSchema.safeParse({ ...base, verb: 'say', text: 'Time for tea.' }).success,
    ).toBe(true);
    expect(CommandPayloadSchema.safeParse({ ...base, verb: 'say', text: '   ' }).success).toBe(
      false,
    );
    expect(CommandPayloadSchema.safeParse({ ...base, verb: 'ack-alert' }).success).toBe(false);
    expect(CommandPayloadSchema.safeParse({ ...base, verb: 'self-destruct' }).success).toBe(false);
  });
});

describe('parsePayload', () => {
  it('names the field at fault', () => {
    const result = parsePayload(
      StatusPayloadSchema,
      JSON.stringify({ ...envelope, state: 'asleep' }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join()).toMatch(/^state:/);
  });

  it('refuses bad JSON and oversized payloads without parsing them', () => {
    expect(parsePayload(StatusPayloadSchema, '{nope')).toMatchObject({ ok: false });
    const big = parsePayload(StatusPayloadSchema, Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 32));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.issues[0]).toMatch(/exceeds/);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 256 })), (raw) => {
        const result = parsePayload(CommandPayloadSchema, raw);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
