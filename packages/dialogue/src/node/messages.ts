import {
  DialogueStateType,
  TurnRecordType,
  type DialogueState,
  type Time,
  type TurnRecord,
} from '@hearth/interfaces';
import type { DialogueEmitted } from '../machine/events.js';
import type { TurnSummary } from '../machine/types.js';

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

export function toTurnRecord(turn: TurnSummary, stamp: Time): TurnRecord {
  return TurnRecordType.create({
    stamp,
    session_id: turn.sessionId,
    turn_index: turn.turnIndex,
    user_text: turn.userText,
    reply_text: turn.replyText,
    strategy: turn.strategy,
    states: [...turn.states],
    gestures: [...turn.gestures],
    audio_path: turn.audioPath,
    interrupted: turn.interrupted,
    fallback: turn.fallback,
    llm_first_token_ms: turn.durations.llmFirstTokenMs,
    llm_total_ms: turn.durations.llmTotalMs,
    tts_first_audio_ms: turn.durations.ttsFirstAudioMs,
    turn_total_ms: turn.durations.turnTotalMs,
    // Filled in by issue 4's barge-in measurement and the llm's per-turn account.
    barge_in_to_silence_ms: -1,
  });
}
