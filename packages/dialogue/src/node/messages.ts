import {
  DialogueStateType,
  SessionSummaryType,
  type SessionSummary,
  TurnRecordType,
  type DialogueState,
  type Time,
  type TurnRecord,
} from '@hearth/interfaces';
import type { DialogueEmitted } from '../machine/events.js';
import type { SessionSummaryData, TurnSummary } from '../machine/types.js';
import type { SessionContentLabels } from '../summary/SessionContent.js';

export function toDialogueState(
  change: Extract<DialogueEmitted, { type: 'state.changed' }>,
  stamp: Time,
): DialogueState {
  return DialogueStateType.create({
    stamp,
    state: change.state,
    previous_state: change.previousState,
    event: change.event,
    session_id: change.sessionId,
    turn_index: change.turnIndex,
  });
}

/** `bargeInToSilenceMs`: from the barge-in to the cancelled speech's end; -1 when not interrupted. */
export function toTurnRecord(turn: TurnSummary, stamp: Time, bargeInToSilenceMs = -1): TurnRecord {
  return TurnRecordType.create({
    stamp,
    session_id: turn.sessionId,
    turn_index: turn.turnIndex,
    kind: turn.kind,
    user_text: turn.userText,
    reply_text: turn.replyText,
    strategy: turn.strategy,
    states: [...turn.states],
    gestures: [...turn.gestures],
    audio_path: turn.audioPath,
    interrupted: turn.interrupted,
    fallback: turn.fallback,
    model: turn.llm.model,
    llm_first_token_ms: turn.durations.llmFirstTokenMs,
    llm_total_ms: turn.durations.llmTotalMs,
    tts_first_audio_ms: turn.durations.ttsFirstAudioMs,
    turn_total_ms: turn.durations.turnTotalMs,
    wake_to_speech_end_ms: turn.durations.wakeToSpeechEndMs,
    transcript_delay_ms: turn.durations.transcriptDelayMs,
    barge_in_to_silence_ms: bargeInToSilenceMs,
    prompt_tokens_evaluated: turn.llm.promptTokensEvaluated,
    generated_tokens: turn.llm.generatedTokens,
    tokens_per_second: turn.llm.tokensPerSecond,
    context_strategy: turn.llm.contextStrategy,
    risk_level: turn.risk.level,
    risk_category: turn.risk.category ?? '',
    reply_guarded: turn.replyGuarded,
  });
}

function toTime(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

export function toSessionSummary(
  summary: SessionSummaryData,
  stamp: Time,
  content: SessionContentLabels = { topics: [], strategies: [] },
): SessionSummary {
  return SessionSummaryType.create({
    stamp,
    session_id: summary.sessionId,
    reason: summary.reason,
    started: toTime(summary.startedAt),
    duration_ms: summary.durationMs,
    turns: summary.turns,
    interruptions: summary.interruptions,
    alerts: summary.alerts,
    mood_start: summary.moodStart,
    mood_end: summary.moodEnd,
    first_audio_mean_ms: summary.firstAudioMeanMs,
    first_audio_p50_ms: summary.firstAudioP50Ms,
    first_audio_p95_ms: summary.firstAudioP95Ms,
    topics: content.topics,
    strategies: content.strategies,
  });
}
