import type { RiskCategory, RiskLevel } from '@hearth/safety';
import type { DialogueEvent } from './events.js';
import type { DialogueStateName, TurnKind } from '@hearth/interfaces';

/** The machine's public states, as published on the graph (DialogueState.state). */
export { DIALOGUE_STATES, type DialogueStateName } from '@hearth/interfaces';

/** Tunables; the node fills them from its ROS 2 parameters and updates them at runtime. */
export interface DialogueConfig {
  /** Public states in which a barge-in interrupts the robot (crisis never does). */
  readonly interruptibleStates: readonly string[];
  /** Whether user speech (not only the wake phrase) while thinking or speaking interrupts. */
  readonly bargeInOnSpeech: boolean;
  /** Short acknowledgements heard while the robot speaks that neither interrupt nor start a turn. */
  readonly backchannels: readonly string[];
  /** Phrases that end the session after the robot's farewell reply. */
  readonly goodbyePhrases: readonly string[];
  /** An open session with no activity for this long ends (0: never). */
  readonly sessionTimeoutMs: number;
  /** Silence after the last partial transcript that ends the person's turn. */
  readonly endOfTurnSilenceMs: number;
  /** The same when the last partial ends mid-sentence ("and", "but", a comma): slower speakers pause there. */
  readonly endOfTurnSilenceMidSentenceMs: number;
  /** Listening ends after this long whatever is heard (0: no limit). */
  readonly maxListeningMs: number;
  /** Said once when nobody speaks after the wake word, before going back to sleep ('' : none). */
  readonly rePrompt: string;
  /** Said at the start of a session, before listening ('' : none). */
  readonly greeting: string;
  /** Within a session, after this long asleep the robot checks in (0: never). */
  readonly checkInAfterMs: number;
  /** What the check-in says. */
  readonly checkIn: string;
  /** Said when a crisis comes without a screened message (the screen sends the locale's own). */
  readonly crisisMessage: string;
  /** Said first at every session start: the robot is an AI (the node refuses an empty value). */
  readonly aiNotice: string;
  /**
   * In a crisis, after its message: the person's further words get a fixed line that repeats the
   * helpline (`safety.stay`), at most once per this many ms.
   */
  readonly crisisStayIntervalMs: number;
  /** Quiet hours, 'HH:MM' local time ('' : none): no robot-initiated speech but the AI notice. */
  readonly quietHoursStart: string;
  readonly quietHoursEnd: string;
  /** After this many turns in a session, one gentle nudge toward human contact (0: never). */
  readonly nudgeAfterTurns: number;
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
  /**
   * Safety net for a reply: when neither the llm (a sentence, the end) nor the tts (the end of a
   * sentence) has answered for this long, the robot gives up on the reply and recovers.
   */
  readonly respondingTimeoutMs: number;
}

/** The AI notice the node says at every session start unless the robot profile words it otherwise. */
export const DEFAULT_AI_NOTICE = "Hello, I'm Hearth, an AI companion. I'm here to listen.";

export const DEFAULT_DIALOGUE_CONFIG: DialogueConfig = {
  followUpWindowMs: 8000,
  noSpeechTimeoutMs: 10000,
  bargeInEnabled: true,
  apology: "I'm sorry, I lost my train of thought. Could you say that again?",
  recoveryTimeoutMs: 15000,
  respondingTimeoutMs: 45000,
  interruptibleStates: ['thinking', 'speaking'],
  bargeInOnSpeech: false,
  backchannels: [
    'mm-hm',
    'mhm',
    'mm',
    'uh-huh',
    'okay',
    'ok',
    'yeah',
    'yes',
    'right',
    'i see',
    'sure',
  ],
  goodbyePhrases: [
    'goodbye',
    'bye',
    'bye bye',
    'good night',
    'see you',
    'see you later',
    'talk to you later',
  ],
  sessionTimeoutMs: 300000,
  endOfTurnSilenceMs: 1200,
  endOfTurnSilenceMidSentenceMs: 3000,
  maxListeningMs: 60000,
  rePrompt: "I'm here whenever you're ready. Take your time.",
  greeting: '',
  checkInAfterMs: 0,
  checkIn: 'I am still here if you would like to talk.',
  // The machine alone says none (its tests); the node's `ai_notice` parameter always sets one.
  aiNotice: '',
  quietHoursStart: '',
  quietHoursEnd: '',
  nudgeAfterTurns: 20,
  crisisStayIntervalMs: 20_000,
  crisisMessage:
    'I am really glad you told me. Your safety matters. I am letting someone who cares for you know ' +
    'right now, and I will stay with you. If you are in danger, please call your local emergency number.',
};

/** Absolute times (ms since the epoch, from the injected clock); null where a stage did not happen. */
export interface TurnTimings {
  readonly wakeAt: number | null;
  /**
   * The end of the person's speech: the end of their voice (VoiceActivity) when the detector
   * reported it before the final transcript, else the transcript's arrival (typed text).
   */
  readonly speechEndAt: number | null;
  /** When the transcript that ended the turn arrived; null when no voice activity dated the speech end. */
  readonly transcriptAt: number | null;
  readonly firstTokenAt: number | null;
  readonly llmDoneAt: number | null;
  readonly firstAudioAt: number | null;
  readonly endAt: number | null;
  /** When the barge-in that ended the turn happened. */
  readonly bargeInAt: number | null;
}

/** The llm's account of one turn (the Generate result), zero where none came. */
export interface LlmStats {
  readonly promptTokensEvaluated: number;
  readonly generatedTokens: number;
  readonly tokensPerSecond: number;
  readonly contextStrategy: string;
  /** The model that answered (its file name), `fallback`, or '' when no reply was generated. */
  readonly model: string;
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
  /** Guidance sent with this turn's Generate goal (e.g. that the last reply was interrupted). */
  readonly instruction: string;
  /** The person said goodbye: the session ends once the reply has been said. */
  readonly farewell: boolean;
  readonly llm: LlmStats;
  /** The safety screen of what the person said. */
  readonly risk: TurnRisk;
  /** The output guard replaced a sentence of the reply (later sentences are then dropped). */
  readonly replyGuarded: boolean;
  /** The guard rules the reply broke, for the log. */
  readonly guardRules: readonly string[];
  /** The previous reply of the session, when the person cut it short (for the Generate goal). */
  readonly previousReply: InterruptedReply | null;
  /**
   * The goal was asked again (a classifier raised the risk before a word was said): the llm
   * drops the cancelled first attempt from its history instead of keeping the words twice.
   */
  readonly reasked: boolean;
}

/**
 * A reply the person interrupted: the sentences said whole, and the one being said when the
 * barge-in came (its tts utterance tells how many of its words were spoken).
 */
export interface InterruptedReply {
  readonly sentences: readonly string[];
  readonly cut: { readonly utteranceId: string; readonly text: string } | null;
}

/** What the safety screen said about the person's words (none when not screened). */
export interface TurnRisk {
  readonly level: RiskLevel;
  readonly category: RiskCategory | null;
  /** Ids of the lexicon rules that matched. */
  readonly rules: readonly string[];
}

export const NO_RISK: TurnRisk = { level: 'none', category: null, rules: [] };

export type TurnOutcome = 'spoken' | 'interrupted' | 'failed' | 'crisis';

/**
 * Stage durations in ms from the end of the user's speech (from the start of robot-initiated
 * speech); -1 where a stage did not happen.
 */
export interface TurnDurations {
  readonly llmFirstTokenMs: number;
  readonly llmTotalMs: number;
  readonly ttsFirstAudioMs: number;
  readonly turnTotalMs: number;
  /** From the wake word to the end of the person's speech; -1 when the turn began without one. */
  readonly wakeToSpeechEndMs: number;
  /**
   * From the end of the person's voice to the transcript's arrival (recognizer and delivery
   * delay); -1 when no voice activity dated the end of speech.
   */
  readonly transcriptDelayMs: number;
}

/** One finished turn, as the machine emits it (`turn.ended`); the node maps it to TurnRecord. */
export interface TurnSummary {
  readonly sessionId: string;
  /** The person's turn number; robot-initiated speech carries the last one before it. */
  readonly turnIndex: number;
  /** A reply to the person, or speech the robot began itself (TurnRecord.kind). */
  readonly kind: TurnKind;
  /**
   * The tts id whose WAV holds this turn's speech: the reply's group id, or the utterance id of
   * robot-initiated speech (the node takes the audio of a cut-short turn by it).
   */
  readonly speechId: string;
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
  readonly llm: LlmStats;
  readonly risk: TurnRisk;
  readonly replyGuarded: boolean;
  readonly guardRules: readonly string[];
}

/** Why a session ended. */
export type SessionEndReason = 'goodbye' | 'inactivity' | 'caregiver';

/** The running account of an open session. */
export interface SessionStats {
  readonly startedAt: number;
  readonly turns: number;
  readonly interruptions: number;
  readonly alerts: number;
  /** First-audio latency of each spoken turn (ms from the end of speech). */
  readonly firstAudioMs: readonly number[];
  readonly moodStart: string;
  readonly moodEnd: string;
  /** The nudge toward human contact has been given this session. */
  readonly nudged: boolean;
}

/** What the machine emits when a session ends (`session.ended`); the node maps it to SessionSummary. */
export interface SessionSummaryData {
  readonly sessionId: string;
  readonly reason: SessionEndReason;
  readonly detail: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly turns: number;
  readonly interruptions: number;
  readonly alerts: number;
  readonly moodStart: string;
  readonly moodEnd: string;
  readonly firstAudioMeanMs: number;
  readonly firstAudioP50Ms: number;
  readonly firstAudioP95Ms: number;
}

/** Where robot-initiated speech goes once said. */
export type AnnouncementNext = 'listening' | 'followUp' | 'asleep';

/** Something the robot says on its own: a greeting, re-prompt, check-in or a caregiver's words. */
export interface Announcement {
  readonly kind: 'greeting' | 'rePrompt' | 'checkIn' | 'caregiver' | 'crisis';
  readonly text: string;
  readonly next: AnnouncementNext;
  /** The public state the robot was in when it began (its record's path starts there). */
  readonly from: DialogueStateName;
  /** When the robot began to say it, and when its first audio came; its record's times count from `startedAt`. */
  readonly startedAt: number;
  readonly firstAudioAt: number | null;
  /** When a barge-in cut it short (for the barge-in-to-silence time). */
  readonly bargeInAt: number | null;
  readonly gestures: readonly string[];
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
  readonly session: SessionStats | null;
  /** The last partial transcript of the turn being heard. */
  readonly partial: string;
  /** The re-prompt was said since the person last spoke (only once). */
  readonly rePrompted: boolean;
  /** The check-in was said since the person last spoke (only once). */
  readonly checkedIn: boolean;
  /** Caregiver `say` texts waiting for the robot to be idle. */
  readonly sayQueue: readonly string[];
  /** What the robot is saying on its own now, if anything. */
  readonly announcement: Announcement | null;
  /** Counts robot-initiated utterances, for their ids. */
  readonly announcements: number;
  /** Told to the model with the next turn (e.g. that the person interrupted the last reply). */
  readonly nextInstruction: string;
  /** The last reply, when the person cut it short: the next turn's Generate goal carries what was heard. */
  readonly interruptedReply: InterruptedReply | null;
  /** The safety screen of the last partial transcript (a turn taken from partials carries it). */
  readonly partialRisk: TurnRisk;
  /**
   * A classifier's late raise of a turn whose reply was already being said (or had ended): the
   * next turn of the session is answered with at least this risk (the careful protocol).
   */
  readonly carriedRisk: TurnRisk;
  /** Safety alerts raised and not yet acknowledged; crisis ends when none is left. */
  readonly openAlerts: readonly string[];
  /** When the robot last began a stay line in this crisis; null before the first and outside one. */
  readonly crisisStayAt: number | null;
  /**
   * The session's opening words (the AI notice) have begun. A session opened by a crisis has not
   * had them: they are said after the acknowledgement, before the first reply.
   */
  readonly aiNoticeSaid: boolean;
  /**
   * A final transcript heard over the opening words, or over a reply it did not interrupt
   * (barge_in_on_speech off), taken as the next turn once the robot listens again.
   */
  readonly heldSpeech: Extract<DialogueEvent, { type: 'speech.final' }> | null;
  /**
   * When the person's voice last ended (VoiceActivity end, clock ms), while no newer segment has
   * started and no turn has taken it; it dates the next turn's end of speech. Null otherwise.
   */
  readonly voiceEndedAt: number | null;
}

/** What the say actor is asked to speak. */
export interface SayInput {
  /** `<session>-<turn>-<n>`. */
  readonly utteranceId: string;
  readonly text: string;
  /** `<session>-<turn>`: the tts appends every sentence of the reply to one WAV. */
  readonly groupId: string;
  /** The reply's support strategy, as the llm last gave it ('' for robot-initiated speech). */
  readonly strategy: string;
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
  /** The session's previous reply when the person cut it short (its heard part goes to the llm). */
  readonly previousReply: InterruptedReply | null;
  /** The safety screen's level of userText (the Generate goal's risk_level); absent: not screened. */
  readonly riskLevel?: RiskLevel;
  /** This goal asks the turn again after the first goal was cancelled before a word was said. */
  readonly reasked?: boolean;
}
