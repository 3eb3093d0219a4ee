/** Converts the graph's snake_case messages into the page's views (protocol.ts). */
import type {
  DialogueState,
  FaceCommand,
  GestureCommand,
  SpeechEvent,
  Time,
  TurnRecord,
} from '@hearth/interfaces';
import { audioUrlFor } from './audioFiles.js';
import type {
  FaceView,
  GestureView,
  SpeechView,
  StateView,
  TransitionView,
  TurnView,
} from './protocol.js';

/** builtin_interfaces/Time as milliseconds since the epoch. */
export function stampMs(stamp: Time): number {
  return stamp.sec * 1000 + Math.round(stamp.nanosec / 1e6);
}

export function transitionView(message: DialogueState): TransitionView {
  return {
    atMs: stampMs(message.stamp),
    from: message.previous_state,
    event: message.event,
    to: message.state,
    sessionId: message.session_id,
    turnIndex: message.turn_index,
  };
}

export function faceView(message: FaceCommand): FaceView {
  return { expression: message.expression, jawOpen: message.jaw_open, viseme: message.viseme };
}

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
    kind: message.kind,
    states: [...message.states],
    stages: {
      wakeToSpeechEndMs: message.wake_to_speech_end_ms,
      llmFirstTokenMs: message.llm_first_token_ms,
      llmTotalMs: message.llm_total_ms,
      ttsFirstAudioMs: message.tts_first_audio_ms,
      turnTotalMs: message.turn_total_ms,
      bargeInToSilenceMs: message.barge_in_to_silence_ms,
    },
    userText: message.user_text,
    replyText: message.reply_text,
    strategy: message.strategy,
    gestures: [...message.gestures],
    audioUrl: audioUrlFor(audioDir, message.audio_path),
    interrupted: message.interrupted,
    fallback: message.fallback,
  };
}
