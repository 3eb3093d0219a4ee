import type {
  TurnRisk,
  DialogueConfig,
  DialogueStateName,
  SessionSummaryData,
  TurnSummary,
} from './types.js';

/**
 * Everything the dialogue machine reacts to, one discriminated union with dot-namespaced types.
 * The node translates graph traffic (wake words, transcripts, caregiver commands, action
 * feedback) into these; tests send them directly.
 */
export type DialogueEvent =
  | { type: 'wake.detected'; phrase?: string; bargeIn?: boolean }
  /** `risk`: the safety screen of the words (the node screens every transcript first). */
  | { type: 'speech.final'; text: string; risk?: TurnRisk }
  /** A partial transcript: the person is still speaking (end-of-turn detection, barge-in on speech). */
  | { type: 'speech.partial'; text: string; risk?: TurnRisk }
  /** One sentence of the reply, as soon as the llm has formed it. */
  | {
      type: 'llm.sentence';
      sentence: string;
      index: number;
      strategy: string;
      firstTokenMs: number;
    }
  /** Generation finished; `reply` is the whole reply (strategy tag removed). */
  | {
      type: 'llm.done';
      reply: string;
      strategy: string;
      fallback: boolean;
      /** The llm's account of the turn; absent from servers that do not give one. */
      promptTokensEvaluated?: number;
      generatedTokens?: number;
      tokensPerSecond?: number;
      contextStrategy?: string;
      /** The model that answered, or `fallback` (GenerateResult.model). */
      model?: string;
    }
  | { type: 'llm.failed'; reason: string }
  /** The tts began producing audio for an utterance (first audio of the turn). */
  | { type: 'tts.started'; utteranceId: string }
  | { type: 'tts.finished'; utteranceId: string; audioPath: string; wordsSpoken: number }
  | { type: 'tts.failed'; utteranceId: string; reason: string }
  /** An explicit interruption (a `/interrupt` directive, user speech when enabled). */
  | { type: 'user.bargeIn' }
  /**
   * The person's voice started (`at`: the segment's start, clock ms) in the microphone audio
   * (audio_in's VoiceActivity; the node leaves out the robot's own voice).
   */
  | { type: 'voice.started'; at: number }
  /** The person's voice ended at `at` (clock ms): the end of speech the next turn is dated from. */
  | { type: 'voice.ended'; at: number }
  /**
   * The person's voice has lasted long enough not to be a backchannel or the robot's echo
   * (the node's `barge_in_min_speech_ms` / `barge_in_echo_margin_ms`): barge-in on speech.
   */
  | { type: 'voice.sustained' }
  | { type: 'caregiver.pause' }
  | { type: 'caregiver.resume' }
  /** A caregiver's words for the robot to say: at once when idle, queued otherwise. */
  | { type: 'caregiver.say'; text: string }
  /** A caregiver acknowledged the safety alert: the only way out of crisis. */
  | { type: 'caregiver.ackAlert'; alertId?: string }
  /**
   * The safety screen found a high or imminent risk: say the fixed message and stay until a
   * caregiver acknowledges. `userText` (the words screened) becomes the crisis turn's record;
   * `message` is the locale's crisis message (config.crisisMessage when absent); `alertId` is the
   * alert the caregiver must acknowledge.
   */
  | {
      type: 'safety.crisis';
      reason: string;
      userText?: string;
      message?: string;
      alertId?: string;
      risk?: TurnRisk;
    }
  /**
   * The model classifier raised the risk of the final transcript `text` after the screen had
   * passed it on (below high: a raise to high or imminent comes as `safety.crisis`). A moderate
   * raise while the robot still thinks about that turn asks the llm again with the careful
   * protocol; once the reply is being said it is left alone, and the next turn is careful.
   */
  | { type: 'safety.raised'; text: string; risk: TurnRisk }
  /**
   * The person spoke again in a crisis (no higher level): the robot answers with `message`, a
   * fixed line that repeats the helpline, at most once per `crisisStayIntervalMs`, never the llm.
   */
  | { type: 'safety.stay'; userText: string; message: string; risk: TurnRisk }
  | { type: 'session.end'; reason: string }
  | { type: 'gesture.performed'; name: string }
  /** The affect node's estimate for the person's turn (mood at session start and end). */
  | { type: 'affect.estimated'; sessionId: string; emotion: string; intensity: number }
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
  | { type: 'turn.ended'; turn: TurnSummary }
  | { type: 'session.ended'; summary: SessionSummaryData };
