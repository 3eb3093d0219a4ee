/**
 * Maps graph messages (snake_case, ROS) to MQTT payloads (camelCase JSON). What of them may leave
 * the robot is decided by the person's consent in consent/ConsentGate.ts; `turnOf(..., false)`
 * is a turn without its text.
 */
import {
  timeToMs,
  type DialogueState,
  type SessionSummary,
  type Time,
  type TurnRecord,
} from '@hearth/interfaces';
import {
  ALERT_LEVELS,
  SCHEMA_VERSION,
  STRATEGY_NAMES,
  TopicLabelSchema,
  type SessionEventPayload,
  type StatePayload,
  type StatusPayload,
  type Turn,
} from './schemas.js';

type SummaryPayload = Extract<SessionEventPayload, { type: 'session.summary' }>['summary'];

/**
 * A session's summary as telemetry shares it: counts, mood labels, latencies, topic labels and
 * strategy names, never words. Topics and strategies are kept only in label form, so a producer
 * that put text there cannot make it leave.
 */
export function summaryOf(message: SessionSummary): SummaryPayload {
  const topics = unique(message.topics.filter((t) => TopicLabelSchema.safeParse(t).success));
  const known: readonly string[] = STRATEGY_NAMES;
  const strategies = unique(
    message.strategies.filter((s): s is (typeof STRATEGY_NAMES)[number] => known.includes(s)),
  );
  return {
    reason: message.reason,
    durationMs: Math.max(0, message.duration_ms),
    turns: message.turns,
    interruptions: message.interruptions,
    alerts: message.alerts,
    moodStart: message.mood_start,
    moodEnd: message.mood_end,
    firstAudioMeanMs: message.first_audio_mean_ms,
    firstAudioP50Ms: message.first_audio_p50_ms,
    firstAudioP95Ms: message.first_audio_p95_ms,
    topics: topics.slice(0, 32),
    strategies: strategies.slice(0, 32),
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The message's stamp as ISO time; `fallbackMs` when the stamp was left at zero. */
export function isoTime(stamp: Time, fallbackMs: number): string {
  const ms = stamp.sec === 0 && stamp.nanosec === 0 ? fallbackMs : timeToMs(stamp);
  return new Date(ms).toISOString();
}

export function statusPayload(
  robot: string,
  state: 'online' | 'offline',
  ts: string,
): StatusPayload {
  return { schema: SCHEMA_VERSION, robot, ts, state };
}

export function statePayload(robot: string, message: DialogueState, ts: string): StatePayload {
  return {
    schema: SCHEMA_VERSION,
    robot,
    ts,
    state: message.state,
    previousState: message.previous_state,
    event: message.event,
    sessionId: message.session_id,
    turnIndex: message.turn_index,
  };
}

type RiskLevel = (typeof ALERT_LEVELS)[number];

/** TurnRecord.risk_level as the payload's enum: '' (not screened) is none; unknown: left out. */
function riskLevelOf(level: string): RiskLevel | undefined {
  return ALERT_LEVELS.find((known) => known === (level || 'none'));
}

/** The turn as telemetry shares it: with text only when `shareTranscripts` is true. */
export function turnOf(message: TurnRecord, shareTranscripts: boolean): Turn {
  const base = {
    index: message.turn_index,
    // A record from before TurnRecord.kind (empty) is a reply.
    kind: message.kind || 'reply',
    strategy: message.strategy,
    states: [...message.states],
    gestures: [...message.gestures],
    interrupted: message.interrupted,
    fallback: message.fallback,
    // Flags and timings, never words: they go with the text-less turn too.
    riskLevel: riskLevelOf(message.risk_level),
    riskCategory: message.risk_category,
    replyGuarded: message.reply_guarded,
    timings: {
      llmFirstTokenMs: message.llm_first_token_ms,
      llmTotalMs: message.llm_total_ms,
      ttsFirstAudioMs: message.tts_first_audio_ms,
      turnTotalMs: message.turn_total_ms,
      transcriptDelayMs: Math.max(-1, message.transcript_delay_ms),
      wakeToSpeechEndMs: Math.max(-1, message.wake_to_speech_end_ms),
    },
  };
  return shareTranscripts
    ? { ...base, shared: true, userText: message.user_text, replyText: message.reply_text }
    : { ...base, shared: false };
}
