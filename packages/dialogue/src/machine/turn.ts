import {
  NO_RISK,
  type InterruptedReply,
  type LlmStats,
  type TurnDurations,
  type TurnOutcome,
  type TurnState,
  type TurnSummary,
  type TurnTimings,
} from './types.js';

const NO_TIMINGS: TurnTimings = {
  wakeAt: null,
  speechEndAt: null,
  transcriptAt: null,
  firstTokenAt: null,
  llmDoneAt: null,
  firstAudioAt: null,
  endAt: null,
  bargeInAt: null,
};

export const NO_LLM_STATS: LlmStats = {
  promptTokensEvaluated: 0,
  generatedTokens: 0,
  tokensPerSecond: 0,
  contextStrategy: '',
  model: '',
};

/** A turn with nothing in it yet: the state between turns. */
export function emptyTurn(): TurnState {
  return {
    userText: '',
    pending: [],
    current: null,
    spoken: [],
    received: 0,
    generationDone: false,
    strategy: '',
    fallback: false,
    failure: '',
    audioPath: '',
    gestures: [],
    states: [],
    utterances: 0,
    generateStartedAt: null,
    timings: NO_TIMINGS,
    instruction: '',
    farewell: false,
    llm: NO_LLM_STATS,
    risk: NO_RISK,
    replyGuarded: false,
    guardRules: [],
    previousReply: null,
    reasked: false,
  };
}

export function withTimings(turn: TurnState, patch: Partial<TurnTimings>): TurnState {
  return { ...turn, timings: { ...turn.timings, ...patch } };
}

function since(start: number | null, at: number | null): number {
  return start === null || at === null ? -1 : Math.max(0, at - start);
}

export function turnDurations(timings: TurnTimings): TurnDurations {
  const start = timings.speechEndAt;
  return {
    llmFirstTokenMs: since(start, timings.firstTokenAt),
    llmTotalMs: since(start, timings.llmDoneAt),
    ttsFirstAudioMs: since(start, timings.firstAudioAt),
    turnTotalMs: since(start, timings.endAt),
    wakeToSpeechEndMs: since(timings.wakeAt, timings.speechEndAt),
    transcriptDelayMs: since(timings.speechEndAt, timings.transcriptAt),
  };
}

/** The tts group of a reply: every sentence of it is appended to one WAV. */
export function replyGroupId(sessionId: string, turnIndex: number): string {
  return `${sessionId}-${turnIndex}`;
}

/** The reply being cut short now: the sentences said whole and the one being said, if any. */
export function interruptedReply(turn: TurnState, cutUtteranceId: string): InterruptedReply {
  return {
    sentences: turn.spoken,
    cut: turn.current === null ? null : { utteranceId: cutUtteranceId, text: turn.current },
  };
}

/**
 * What the person heard of an interrupted reply: the sentences said whole, then the first
 * `cutWordsSpoken` words of the sentence cut short (as the tts counted them).
 */
export function heardText(reply: InterruptedReply, cutWordsSpoken: number): string {
  const words = reply.cut?.text.split(/\s+/).filter((word) => word !== '') ?? [];
  const cut = words.slice(0, Math.max(0, Math.floor(cutWordsSpoken))).join(' ');
  return [...reply.sentences, cut].filter((part) => part !== '').join(' ');
}

/** What the robot said of this turn's reply; an interrupted one includes the sentence it was cut off in. */
export function saidSoFar(turn: TurnState): string {
  const said = turn.current !== null ? [...turn.spoken, turn.current] : turn.spoken;
  return said.join(' ');
}

/** Closes `turn` at `endAt`; an interrupted reply includes the sentence it was cut off in. */
export function summarizeTurn(
  turn: TurnState,
  ids: { sessionId: string; turnIndex: number },
  outcome: TurnOutcome,
  endAt: number,
): TurnSummary {
  const said =
    outcome === 'interrupted' && turn.current !== null
      ? [...turn.spoken, turn.current]
      : turn.spoken;
  const timings: TurnTimings = { ...turn.timings, endAt };
  return {
    sessionId: ids.sessionId,
    turnIndex: ids.turnIndex,
    kind: 'reply',
    speechId: replyGroupId(ids.sessionId, ids.turnIndex),
    userText: turn.userText,
    replyText: said.join(' '),
    strategy: turn.strategy,
    states: turn.states,
    gestures: turn.gestures,
    audioPath: turn.audioPath,
    outcome,
    interrupted: outcome === 'interrupted',
    fallback: turn.fallback,
    failure: turn.failure,
    timings,
    durations: turnDurations(timings),
    llm: turn.llm,
    risk: turn.risk,
    replyGuarded: turn.replyGuarded,
    guardRules: turn.guardRules,
  };
}
