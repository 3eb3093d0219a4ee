/**
 * The MQTT payload schemas (zod 4), shared by the robot (telemetry node) and the care dashboard
 * so that both ends validate against the same definition. Every payload carries `schema` (the
 * payload version, bumped on any incompatible change), `robot` and `ts` (ISO 8601 time at which
 * the thing happened on the robot). JSON fields are camelCase. See docs/mqtt.md.
 */
import { z } from 'zod';
import { EXTES_STRATEGIES, SUPPORT_STRATEGIES } from '@hearth/interfaces';
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
  /**
   * From the end of the person's voice to the transcript that ended the turn (the recognizer's
   * delay); -1 when no voice activity dated the end of speech. Added within schema 1: optional.
   */
  transcriptDelayMs: z.number().min(-1).optional(),
  /**
   * From the wake word to the end of the person's speech; -1 when the turn began without one.
   * Added within schema 1: optional.
   */
  wakeToSpeechEndMs: z.number().min(-1).optional(),
});
export type TurnTimings = z.infer<typeof TurnTimingsSchema>;

const turnBase = {
  /** The turn's number in its session, from 1 (TurnRecord.turn_index). */
  index: z.number().int().nonnegative(),
  /**
   * TurnRecord.kind: `reply` (the robot answers the person) or speech the robot began itself
   * (`greeting`, `check_in`, `reprompt`, `caregiver_say`; an open set, as `state` is). Added
   * within schema 1: optional, and absent (from robots before it) it means `reply`. A dashboard
   * older than it refuses text-less turns that carry it (that form is strict), so upgrade the
   * dashboard before the robots.
   */
  kind: z.string().min(1).max(32).optional(),
  /** Support strategy of the reply; empty when none was given. */
  strategy: z.string().max(128),
  states: z.array(z.string().max(64)).max(64),
  gestures: z.array(z.string().max(64)).max(256),
  interrupted: z.boolean(),
  /** The reply came from the fallback responder rather than the model. */
  fallback: z.boolean(),
  /**
   * The safety screen of what the person said (TurnRecord.risk_level, risk_category) and whether
   * the output guard replaced part of the reply (reply_guarded). Flags, not words: they leave
   * with the text-less turn (consent `state_mood`). Added within schema 1: optional; absent
   * from older robots. Like `kind`, upgrade the dashboard before the robots.
   */
  riskLevel: z.enum(['none', 'low', 'moderate', 'high', 'imminent']).optional(),
  /** suicidal_ideation, self_harm, harm_to_others, abuse, medical_emergency; '' at none. */
  riskCategory: z.string().max(64).optional(),
  replyGuarded: z.boolean().optional(),
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

/** A session topic label: one lowercase word (a label from a fixed list, never the person's words). */
export const TopicLabelSchema = z.string().regex(/^[a-z][a-z_]{0,31}$/);

/** The support strategy names a summary may carry: ESConv's and ExTES's, nothing free-form. */
export const STRATEGY_NAMES = [...new Set([...SUPPORT_STRATEGIES, ...EXTES_STRATEGIES])];

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
  /** The dialogue's own account of a finished session (SessionSummary); follows its end. */
  z.object({
    ...sessionEventBase,
    type: z.literal('session.summary'),
    summary: z.object({
      /** goodbye, inactivity, caregiver. */
      reason: z.string().max(64),
      durationMs: z.number().nonnegative(),
      turns: z.number().int().nonnegative(),
      interruptions: z.number().int().nonnegative(),
      alerts: z.number().int().nonnegative(),
      /** The person's estimated mood at the start and end; empty when unknown. */
      moodStart: z.string().max(32),
      moodEnd: z.string().max(32),
      /** Time to the first audio of each reply; -1 when no reply was spoken. */
      firstAudioMeanMs: z.number().min(-1),
      firstAudioP50Ms: z.number().min(-1),
      firstAudioP95Ms: z.number().min(-1),
      /**
       * What the session was about, without words: coarse topic labels (sleep, loneliness, grief,
       * health, family, work...) and the support strategies the replies used. Added within schema
       * 1: optional; absent from older robots (and an older dashboard drops them).
       */
      topics: z.array(TopicLabelSchema).max(32).optional(),
      strategies: z.array(z.enum(STRATEGY_NAMES)).max(32).optional(),
    }),
  }),
]);
export type SessionEventPayload = z.infer<typeof SessionEventPayloadSchema>;
export type SessionEventType = SessionEventPayload['type'];

/** `hearth/v1/<robot>/mood`, QoS 1, latest retained: the affect estimate of one turn. */
export const MoodPayloadSchema = z.object({
  ...envelope,
  sessionId: z.union([z.literal(''), topicLevel]),
  /** anxiety, depression, sadness, anger, fear, disgust, shame, neutral (open set). */
  emotion: z.string().min(1).max(64),
  /** 0 (none) to 1 (strong). */
  intensity: z.number().min(0).max(1),
  /** -1 (negative) to 1 (positive). */
  valence: z.number().min(-1).max(1),
});
export type MoodPayload = z.infer<typeof MoodPayloadSchema>;

const nonNegative = z.number().nonnegative();

/** 00:00 to 23:59. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `hearth/v1/<robot>/metrics`, QoS 1: after every turn and every `metrics_period_ms`. */
export const MetricsPayloadSchema = z.object({
  ...envelope,
  /** Present when the metrics follow a turn. */
  turn: z
    .object({
      sessionId: topicLevel,
      index: z.number().int().nonnegative(),
      timings: TurnTimingsSchema,
      /** Time from a barge-in to silence; -1 when the turn was not interrupted. */
      bargeInToSilenceMs: z.number().min(-1),
    })
    .optional(),
  cpu: z.object({
    /** This process's CPU use since the previous metrics, in percent of one core. */
    processPercent: nonNegative,
    /** The system's 1-minute load average. */
    loadAverage1m: nonNegative,
    cores: z.number().int().positive(),
  }),
  memory: z.object({
    rssBytes: nonNegative,
    heapUsedBytes: nonNegative,
    systemFreeBytes: nonNegative,
    systemTotalBytes: nonNegative,
  }),
  model: z.object({
    /** The model's name or file; empty when unknown. */
    name: z.string().max(256),
    promptTokensEvaluated: z.number().int().nonnegative(),
    generatedTokens: z.number().int().nonnegative(),
    tokensPerSecond: nonNegative,
    /** How the history was fitted into the context (window, stopwords, summary). */
    contextStrategy: z.string().max(128),
  }),
});
export type MetricsPayload = z.infer<typeof MetricsPayloadSchema>;

export const ALERT_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;

/**
 * `hearth/v1/<robot>/alerts/<alertId>`, QoS 1. Sent when the safety screen raises an alert,
 * re-sent while nobody has acknowledged it, re-sent `escalated` (to the second contact) when
 * nobody has within `alert_escalate_after_ms`, and once more `acknowledged`. Every open alert is
 * retained on its own topic, so a dashboard that connects late sees them all; an acknowledged
 * one's retained message is cleared (an empty payload).
 */
export const AlertPayloadSchema = z.object({
  ...envelope,
  alertId: topicLevel,
  sessionId: z.union([z.literal(''), topicLevel]),
  level: z.string().min(1).max(32),
  category: z.string().max(64),
  reasons: z.array(z.string().max(256)).max(32),
  /** What the robot said in response. */
  message: z.string().max(2000),
  status: z.enum(['open', 'escalated', 'acknowledged']),
  /** Who is being asked to respond: the first contact, or the second after escalation. */
  contact: z.enum(['primary', 'secondary']),
  /** When the alert was raised. */
  raisedAt: z.iso.datetime({ offset: true }),
  /** When it escalates (or escalated) to the second contact. */
  escalateAt: z.iso.datetime({ offset: true }),
  /** How many times it was sent before this one (re-sends while unacknowledged). */
  resends: z.number().int().nonnegative(),
  /** The user who acknowledged it; empty until then. */
  acknowledgedBy: z.string().max(128),
});
export type AlertPayload = z.infer<typeof AlertPayloadSchema>;

/**
 * `hearth/v1/<robot>/notice`, QoS 1, never retained, sent once: a moderate-risk notice from the
 * safety screen (a SafetyAlert below high). Caregivers see it; it is not an alert, so it is not
 * re-sent, not escalated and needs no acknowledgement. Like alerts it leaves whatever the
 * person's consent, with `reasons` reduced to the screen's rule ids below `transcripts`.
 */
export const NoticePayloadSchema = z.object({
  ...envelope,
  /** The SafetyAlert's alert_id: unique, so a redelivered notice can be recognised. */
  noticeId: topicLevel,
  sessionId: z.union([z.literal(''), topicLevel]),
  /** `moderate` (`low` and `none` would be notices too, but the screen sends none of them). */
  level: z.enum(['none', 'low', 'moderate']),
  category: z.string().max(64),
  reasons: z.array(z.string().max(256)).max(32),
  /** What the robot does about it (the dialogue's fixed description of the careful protocol). */
  message: z.string().max(2000),
});
export type NoticePayload = z.infer<typeof NoticePayloadSchema>;

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
  /** Quiet hours, HH:MM robot local time; both '' turns them off. */
  z
    .object({
      ...commandBase,
      verb: z.literal('quiet-hours'),
      start: z.union([z.literal(''), z.string().regex(HH_MM, 'must be HH:MM (24-hour) or empty')]),
      end: z.union([z.literal(''), z.string().regex(HH_MM, 'must be HH:MM (24-hour) or empty')]),
    })
    .refine((c) => (c.start === '') === (c.end === ''), {
      message: 'start and end must both be HH:MM, or both be empty (quiet hours off)',
      path: ['end'],
    }),
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
