/**
 * The MQTT payload schemas (zod 4), shared by the robot (telemetry node) and the care dashboard
 * so that both ends validate against the same definition. Every payload carries `schema` (the
 * payload version, bumped on any incompatible change), `robot` and `ts` (ISO 8601 time at which
 * the thing happened on the robot). JSON fields are camelCase. See docs/mqtt.md.
 */
import { z } from 'zod';
import { COMMAND_VERBS, isValidTopicLevel } from './topics.js';

export const SCHEMA_VERSION = 1 as const;

/** Larger payloads are refused before parsing, so a hostile publisher cannot exhaust memory. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const topicLevel = z.string().refine(isValidTopicLevel, {
  message: "must be 1 to 128 characters without '/', '+', '#' or control characters",
});

const envelope = {
  schema: z.literal(SCHEMA_VERSION),
  robot: topicLevel,
  ts: z.iso.datetime({ offset: true }),
};

/** `hearth/v1/<robot>/status`, retained. */
export const StatusPayloadSchema = z.object({
  ...envelope,
  state: z.enum(['online', 'offline']),
});
export type StatusPayload = z.infer<typeof StatusPayloadSchema>;

/** `hearth/v1/<robot>/state`, retained: the dialogue machine's current state. */
export const StatePayloadSchema = z.object({
  ...envelope,
  /** asleep, listening, thinking, speaking, followUp, crisis, paused, recovering (open set). */
  state: z.string().min(1).max(64),
  previousState: z.string().max(64),
  /** The dialogue event that caused the transition, e.g. `speech.final`. */
  event: z.string().max(128),
  /** Empty while no session is open. */
  sessionId: z.union([z.literal(''), topicLevel]),
  turnIndex: z.number().int().nonnegative(),
});
export type StatePayload = z.infer<typeof StatePayloadSchema>;

/** Stage times in milliseconds from the end of the user's speech; -1 where a stage did not happen. */
export const TurnTimingsSchema = z.object({
  llmFirstTokenMs: z.number().min(-1),
  llmTotalMs: z.number().min(-1),
  ttsFirstAudioMs: z.number().min(-1),
  turnTotalMs: z.number().min(-1),
});
export type TurnTimings = z.infer<typeof TurnTimingsSchema>;

const turnBase = {
  index: z.number().int().nonnegative(),
  /** Support strategy of the reply; empty when none was given. */
  strategy: z.string().max(128),
  states: z.array(z.string().max(64)).max(64),
  gestures: z.array(z.string().max(64)).max(256),
  interrupted: z.boolean(),
  /** The reply came from the fallback responder rather than the model. */
  fallback: z.boolean(),
  timings: TurnTimingsSchema,
};

/**
 * One turn. Text is present only when the robot may share transcripts (`shared: true`); the
 * unshared form is strict, so a payload that carries text without consent is refused at the
 * dashboard too.
 */
export const TurnSchema = z.discriminatedUnion('shared', [
  z.object({
    ...turnBase,
    shared: z.literal(true),
    userText: z.string().max(8000),
    replyText: z.string().max(8000),
  }),
  z.strictObject({ ...turnBase, shared: z.literal(false) }),
]);
export type Turn = z.infer<typeof TurnSchema>;

const sessionEventBase = {
  ...envelope,
  sessionId: topicLevel,
  /** Unique per event: the dashboard de-duplicates redelivered events with it. */
  eventId: z.uuid(),
  /** 1, 2, 3 ... within the session, in the order the robot produced the events. */
  seq: z.number().int().positive(),
};

/** `hearth/v1/<robot>/session/<id>/event`, QoS 1. */
export const SessionEventPayloadSchema = z.discriminatedUnion('type', [
  z.object({ ...sessionEventBase, type: z.literal('session.start') }),
  z.object({ ...sessionEventBase, type: z.literal('turn'), turn: TurnSchema }),
  z.object({
    ...sessionEventBase,
    type: z.literal('session.end'),
    turnCount: z.number().int().nonnegative(),
    /** The dialogue event that ended it, e.g. `session.timeout`. */
    reason: z.string().max(128),
  }),
]);
export type SessionEventPayload = z.infer<typeof SessionEventPayloadSchema>;
export type SessionEventType = SessionEventPayload['type'];

const commandBase = {
  ...envelope,
  /** Unique per command, so a redelivered command can be recognised. */
  commandId: z.uuid(),
  /** Who sent it: a user name on the dashboard; never a password or token. */
  issuedBy: z.string().min(1).max(128),
};

/** `hearth/v1/<robot>/cmd/<verb>`, QoS 1, never retained. `verb` repeats the topic's verb. */
export const CommandPayloadSchema = z.discriminatedUnion('verb', [
  z.object({ ...commandBase, verb: z.literal('pause') }),
  z.object({ ...commandBase, verb: z.literal('resume') }),
  z.object({ ...commandBase, verb: z.literal('end-session') }),
  z.object({ ...commandBase, verb: z.literal('say'), text: z.string().trim().min(1).max(500) }),
  z.object({ ...commandBase, verb: z.literal('ack-alert'), alertId: z.string().min(1).max(128) }),
]);
export type CommandPayload = z.infer<typeof CommandPayloadSchema>;

// Keeps the verb list in topics.ts and the union above in step.
const _verbsMatch: readonly CommandPayload['verb'][] = COMMAND_VERBS;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/**
 * Parses an MQTT payload (JSON text) against `schema`. Never throws: oversized payloads, bad
 * JSON and schema violations come back as issues, each naming the field at fault.
 */
export function parsePayload<T>(schema: z.ZodType<T>, raw: string | Uint8Array): ParseResult<T> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > MAX_PAYLOAD_BYTES) {
    return { ok: false, issues: [`payload of ${size} bytes exceeds ${MAX_PAYLOAD_BYTES}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
  } catch (error) {
    return { ok: false, issues: [`not JSON: ${(error as Error).message}`] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    ),
  };
}
