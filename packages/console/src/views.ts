/** Converts the graph's snake_case messages into the page's views (protocol.ts). */
import type { DialogueState, GestureCommand, SpeechEvent, TurnRecord } from '@hearth/interfaces';
import { audioUrlFor } from './audioFiles.js';
import type { GestureView, SpeechView, StateView, TurnView } from './protocol.js';

export function stateView(message: DialogueState): StateView {
  return {
    state: message.state,
    previousState: message.previous_state,
    event: message.event,
    sessionId: message.session_id,
    turnIndex: message.turn_index,
  };
}

/** Only `start` and `end` reach the page: word and viseme events are for lips and joints. */
export function speechView(message: SpeechEvent, audioDir: string): SpeechView | null {
  if (message.kind !== 'start' && message.kind !== 'end') return null;
  return {
    kind: message.kind,
    utteranceId: message.utterance_id,
    text: message.text,
    audioUrl: audioUrlFor(audioDir, message.audio_path),
  };
}

export function gestureView(message: GestureCommand): GestureView {
  return {
    name: message.name,
    reason: message.reason,
    intensity: message.intensity,
    sentence: message.sentence,
  };
}

export function turnView(message: TurnRecord, audioDir: string): TurnView {
  return {
    sessionId: message.session_id,
    turnIndex: message.turn_index,
    userText: message.user_text,
    replyText: message.reply_text,
    strategy: message.strategy,
    gestures: [...message.gestures],
    audioUrl: audioUrlFor(audioDir, message.audio_path),
    interrupted: message.interrupted,
    fallback: message.fallback,
  };
}
