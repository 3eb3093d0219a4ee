import type { DialogueConfig, DialogueStateName, TurnSummary } from './types.js';

/**
 * Everything the dialogue machine reacts to, one discriminated union with dot-namespaced types.
 * The node translates graph traffic (wake words, transcripts, caregiver commands, action
 * feedback) into these; tests send them directly.
 */
export type DialogueEvent =
  | { type: 'wake.detected'; phrase?: string; bargeIn?: boolean }
  | { type: 'speech.final'; text: string }
  /** One sentence of the reply, as soon as the llm has formed it. */
  | {
      type: 'llm.sentence';
      sentence: string;
      index: number;
      strategy: string;
      firstTokenMs: number;
    }
  /** Generation finished; `reply` is the whole reply (strategy tag removed). */
  | { type: 'llm.done'; reply: string; strategy: string; fallback: boolean }
  | { type: 'llm.failed'; reason: string }
  /** The tts began producing audio for an utterance (first audio of the turn). */
  | { type: 'tts.started'; utteranceId: string }
  | { type: 'tts.finished'; utteranceId: string; audioPath: string; wordsSpoken: number }
  | { type: 'tts.failed'; utteranceId: string; reason: string }
  /** An explicit interruption (a `/interrupt` directive, user speech when enabled). */
  | { type: 'user.bargeIn' }
  | { type: 'caregiver.pause' }
  | { type: 'caregiver.resume' }
  | { type: 'session.end'; reason: string }
  | { type: 'gesture.performed'; name: string }
  | { type: 'config.changed'; config: Partial<DialogueConfig> };

export type DialogueEventType = DialogueEvent['type'];

/** What the machine emits for its observers (`actor.on(...)`): the node publishes both. */
export type DialogueEmitted =
  | {
      type: 'state.changed';
      state: DialogueStateName;
      previousState: DialogueStateName | '';
      /** The event that caused the transition (xstate's own for timers and actor results). */
      event: string;
      sessionId: string;
      turnIndex: number;
    }
  | { type: 'turn.ended'; turn: TurnSummary };
