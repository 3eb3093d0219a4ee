/** The machine's public states, as published on the graph (DialogueState.state). */
export const DIALOGUE_STATES = [
  'asleep',
  'listening',
  'thinking',
  'speaking',
  'followUp',
  'paused',
  'recovering',
] as const;
export type DialogueStateName = (typeof DIALOGUE_STATES)[number];

/** Tunables; the node fills them from its ROS 2 parameters and updates them at runtime. */
export interface DialogueConfig {
  /** How long after the robot has spoken the person may answer without the wake word. */
  readonly followUpWindowMs: number;
  /** How long listening waits for a final transcript before going back to sleep. */
  readonly noSpeechTimeoutMs: number;
  /** Whether a wake word (or user.bargeIn) while thinking or speaking interrupts the robot. */
  readonly bargeInEnabled: boolean;
  /** Said through the fallback path when generation or speech fails. */
  readonly apology: string;
  /** Safety net: recovering gives up on the apology and listens again after this long. */
  readonly recoveryTimeoutMs: number;
}

export const DEFAULT_DIALOGUE_CONFIG: DialogueConfig = {
  followUpWindowMs: 8000,
  noSpeechTimeoutMs: 10000,
  bargeInEnabled: true,
  apology: "I'm sorry, I lost my train of thought. Could you say that again?",
  recoveryTimeoutMs: 15000,
};

/** Absolute times (ms since the epoch, from the injected clock); null where a stage did not happen. */
export interface TurnTimings {
  readonly wakeAt: number | null;
  readonly speechEndAt: number | null;
  readonly firstTokenAt: number | null;
  readonly llmDoneAt: number | null;
  readonly firstAudioAt: number | null;
  readonly endAt: number | null;
}

/** The turn in progress; replaced by a fresh one at every turn boundary. */
export interface TurnState {
  readonly userText: string;
  /** Sentences from the llm not yet spoken, in order. */
  readonly pending: readonly string[];
  /** The sentence being spoken now, if any. */
  readonly current: string | null;
  readonly spoken: readonly string[];
  /** How many sentences the llm has sent this turn. */
  readonly received: number;
  readonly generationDone: boolean;
  readonly strategy: string;
  readonly fallback: boolean;
  /** Why the turn failed, when it did (llm or tts error). */
  readonly failure: string;
  /** The reply's group WAV (the say result's group_audio_path). */
  readonly audioPath: string;
  readonly gestures: readonly string[];
  readonly states: readonly DialogueStateName[];
  /** Utterances sent to the tts this turn; the next one's index. */
  readonly utterances: number;
  readonly generateStartedAt: number | null;
  readonly timings: TurnTimings;
}

export type TurnOutcome = 'spoken' | 'interrupted' | 'failed';

/** Stage durations in ms from the end of the user's speech; -1 where a stage did not happen. */
export interface TurnDurations {
  readonly llmFirstTokenMs: number;
  readonly llmTotalMs: number;
  readonly ttsFirstAudioMs: number;
  readonly turnTotalMs: number;
}

/** One finished turn, as the machine emits it (`turn.ended`); the node maps it to TurnRecord. */
export interface TurnSummary {
  readonly sessionId: string;
  readonly turnIndex: number;
  readonly userText: string;
  /** What the robot said, or began to say when interrupted. */
  readonly replyText: string;
  readonly strategy: string;
  readonly states: readonly DialogueStateName[];
  readonly gestures: readonly string[];
  readonly audioPath: string;
  readonly outcome: TurnOutcome;
  readonly interrupted: boolean;
  readonly fallback: boolean;
  readonly failure: string;
  readonly timings: TurnTimings;
  readonly durations: TurnDurations;
}

export interface DialogueInput {
  readonly config?: Partial<DialogueConfig>;
  /** The clock for timings (the node passes its ROS clock); Date.now by default. */
  readonly now?: () => number;
  /** Makes the id of a new session; a short random id by default. */
  readonly createSessionId?: () => string;
}

export interface DialogueContext {
  readonly config: DialogueConfig;
  readonly now: () => number;
  readonly createSessionId: () => string;
  /** Empty while no session is open. */
  readonly sessionId: string;
  /** Counts user turns in the session; 0 before the first. */
  readonly turnIndex: number;
  readonly state: DialogueStateName;
  readonly previousState: DialogueStateName | '';
  /** Increments at every state entry, so observers can tell a re-entry from no change. */
  readonly stateSeq: number;
  readonly turn: TurnState;
}

/** What the say actor is asked to speak. */
export interface SayInput {
  /** `<session>-<turn>-<n>`. */
  readonly utteranceId: string;
  readonly text: string;
  /** `<session>-<turn>`: the tts appends every sentence of the reply to one WAV. */
  readonly groupId: string;
}

export interface SayOutput {
  readonly audioPath: string;
  readonly groupAudioPath: string;
  readonly durationMs: number;
  readonly wordsSpoken: number;
  readonly cancelled: boolean;
}

export interface GenerateInput {
  readonly sessionId: string;
  readonly userText: string;
  readonly instruction: string;
}
