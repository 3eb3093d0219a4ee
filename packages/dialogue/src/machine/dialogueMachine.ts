import {
  and,
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  raise,
  setup,
  type EventObject,
} from 'xstate';
import { guardReply, levelRank } from '@hearth/safety';
import { ActorNotProvidedError } from '../errors.js';
import {
  HUMAN_CONTACT_NUDGE,
  MODERATE_RISK_PROTOCOL,
  joinInstructions,
} from '../safety/guidance.js';
import { inQuietHours } from '../safety/quietHours.js';
import type { DialogueEmitted, DialogueEvent } from './events.js';
import { eventName } from './eventName.js';
import { endsMidSentence, isBackchannel, isGoodbye } from './phrases.js';
import { newAnnouncement, recordedAnnouncement, summarizeAnnouncement } from './announcement.js';
import { moodOf, newSession, summarizeSession, withMood } from './session.js';
import { emptyTurn, interruptedReply, replyGroupId, summarizeTurn, withTimings } from './turn.js';
import {
  DEFAULT_DIALOGUE_CONFIG,
  NO_RISK,
  type TurnRisk,
  type TurnState,
  type Announcement,
  type AnnouncementNext,
  type DialogueContext,
  type DialogueInput,
  type DialogueStateName,
  type GenerateInput,
  type SayInput,
  type SayOutput,
  type SessionEndReason,
  type SessionStats,
  type TurnOutcome,
  type TurnSummary,
} from './types.js';

/** The system id of the dialogue actor, so child actors can reach it (`system.get`). */
export const DIALOGUE_SYSTEM_ID = 'dialogue';

/** The session's opening words (the AI notice) are being said: nothing interrupts them but a crisis. */
function openingInProgress(context: DialogueContext): boolean {
  return context.announcement?.kind === 'greeting';
}

/** What a say actor's done event carries; null for any other event. */
function sayOutputOf(event: EventObject): SayOutput | null {
  return event.type.startsWith('xstate.done.actor.') && 'output' in event
    ? (event as EventObject & { output: SayOutput }).output
    : null;
}

/** The open alerts with `alertId` added (once; none when it is empty). */
function withAlert(open: readonly string[], alertId: string | undefined): readonly string[] {
  return alertId === undefined || alertId === '' || open.includes(alertId)
    ? open
    : [...open, alertId];
}

function defaultSessionId(): string {
  return `s${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

function sayInputFor(context: DialogueContext): SayInput {
  const groupId = replyGroupId(context.sessionId, context.turnIndex);
  return {
    utteranceId: `${groupId}-${context.turn.utterances - 1}`,
    text: context.turn.current ?? '',
    groupId,
    // The llm's feedback carries the strategy with each sentence; the latest is the reply's.
    strategy: context.turn.strategy,
  };
}

/** The tts utterance id of the robot-initiated speech being said now. */
function announcementUtteranceId(context: DialogueContext): string {
  const kind = context.announcement?.kind ?? 'say';
  return `${context.sessionId || 'robot'}-${kind}-${context.announcements}`;
}

/** Robot-initiated speech is not part of a reply: its own utterance id and no group WAV. */
function announcementInput(context: DialogueContext): SayInput {
  return {
    utteranceId: announcementUtteranceId(context),
    text: context.announcement?.text ?? '',
    groupId: '',
    strategy: '',
  };
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The session-opening words: the AI notice always, then the greeting outside quiet hours. */
function openingWords(context: DialogueContext): string {
  const greeting = isQuiet(context) ? '' : context.config.greeting;
  return joinInstructions(context.config.aiNotice, greeting);
}

/** Barge-in on speech is on and the robot is in a state the person may interrupt. */
function speechMayInterrupt(context: DialogueContext): boolean {
  return (
    context.config.bargeInEnabled &&
    context.config.bargeInOnSpeech &&
    context.state !== 'crisis' &&
    !openingInProgress(context) &&
    context.config.interruptibleStates.includes(context.state)
  );
}

function isQuiet(context: DialogueContext): boolean {
  return inQuietHours(context.now(), context.config.quietHoursStart, context.config.quietHoursEnd);
}

function riskOf(event: DialogueEvent): TurnRisk | undefined {
  return event.type === 'speech.final' || event.type === 'speech.partial' ? event.risk : undefined;
}

/** The higher of two risks (the first when equal). */
function higherRisk(a: TurnRisk, b: TurnRisk): TurnRisk {
  return levelRank(b.level) > levelRank(a.level) ? b : a;
}

/** A classifier's raise of the words the open turn answers, above what the turn has. */
function raisesOpenTurn(context: DialogueContext, event: DialogueEvent): boolean {
  return (
    event.type === 'safety.raised' &&
    context.turn.userText !== '' &&
    context.turn.userText === event.text.trim() &&
    levelRank(event.risk.level) > levelRank(context.turn.risk.level)
  );
}

/** Nothing of the reply has formed yet: it can be asked again without the person noticing. */
function nothingSaid(turn: TurnState): boolean {
  return turn.pending.length === 0 && turn.current === null && turn.spoken.length === 0;
}

/**
 * Adds one reply sentence through the output guard: a sentence that breaks a rule is replaced by
 * the guard's safe reply, and the rest of that reply is dropped (it may go on in the same vein).
 */
function guardedSentence(turn: TurnState, sentence: string): TurnState {
  if (sentence === '' || turn.replyGuarded) return turn;
  const guarded = guardReply(sentence);
  if (guarded.passed) return { ...turn, pending: [...turn.pending, sentence] };
  return {
    ...turn,
    pending: [...turn.pending, guarded.reply],
    replyGuarded: true,
    guardRules: guarded.violations.map((violation) => violation.rule),
  };
}

function textOf(event: DialogueEvent): string {
  return event.type === 'speech.final' || event.type === 'speech.partial' ? event.text.trim() : '';
}

/** The turn's summary, and the session's account with the turn counted in; `next` (the state it ends in) closes its path, null when the path already ends there. */
function closeTurn(
  context: DialogueContext,
  outcome: TurnOutcome,
  next: DialogueStateName | null,
): { summary: TurnSummary; session: SessionStats | null } {
  const turn =
    next === null ? context.turn : { ...context.turn, states: [...context.turn.states, next] };
  const summary = summarizeTurn(turn, context, outcome, context.now());
  const firstAudio = summary.durations.ttsFirstAudioMs;
  const session =
    context.session === null
      ? null
      : {
          ...context.session,
          turns: context.session.turns + 1,
          firstAudioMs:
            firstAudio >= 0 && outcome === 'spoken'
              ? [...context.session.firstAudioMs, firstAudio]
              : context.session.firstAudioMs,
        };
  return { summary, session };
}

/** How robot-initiated speech ended, for its turn record; `next` defaults to where it was going. */
interface AnnouncementEnd {
  readonly outcome: 'spoken' | 'interrupted' | 'failed';
  readonly next?: DialogueStateName;
}

/** The transitions out of robot-initiated speech, to where the announcement said. */
function afterAnnouncement(outcome: 'spoken' | 'failed'): {
  guard?: { type: 'announcementNext'; params: { next: AnnouncementNext } };
  target: string;
  actions: readonly [
    { type: 'endAnnouncement'; params: AnnouncementEnd },
    'clearAnnouncement',
    'replayHeldSpeech',
  ];
}[] {
  const actions = [
    { type: 'endAnnouncement', params: { outcome } },
    'clearAnnouncement',
    'replayHeldSpeech',
  ] as const;
  return [
    {
      guard: { type: 'announcementNext', params: { next: 'listening' } },
      target: '#dialogue.listening',
      actions,
    },
    {
      guard: { type: 'announcementNext', params: { next: 'followUp' } },
      target: '#dialogue.followUp',
      actions,
    },
    { target: '#dialogue.asleep', actions },
  ];
}

/** A caregiver's command ends the session (the command's reason is the detail). */
const END_SESSION_BY_CAREGIVER = {
  type: 'endSession',
  params: ({ event }: { event: { reason: string } }) => ({
    reason: 'caregiver' as const,
    detail: event.reason,
  }),
} as const;

/** The person cuts the reply short (wake, barge-in, voice, speech): noted, the turn interrupted. */
const PERSON_CUTS_REPLY = [
  'noteBargeIn',
  { type: 'endTurn', params: { outcome: 'interrupted', next: 'listening' } },
] as const;

/** Robot-initiated speech cut short on the way to `next`: its turn record says interrupted. */
function cutAnnouncement(next: DialogueStateName) {
  return [
    { type: 'endAnnouncement', params: { outcome: 'interrupted', next } },
    'clearAnnouncement',
  ] as const;
}

/**
 * The person cuts robot-initiated speech short (wake, barge-in, voice, speech): the moment is noted
 * for the record, and a session opens if none is. `next` is `speaking` when the session's opening
 * words follow, `listening` otherwise.
 */
function personCutsAnnouncement(next: 'speaking' | 'listening') {
  return ['noteAnnouncementBargeIn', ...cutAnnouncement(next), 'ensureSession'] as const;
}

/** The session's opening words, said before listening (on a wake into a new session). */
const GREETING = { type: 'announce', params: { kind: 'greeting', next: 'listening' } } as const;

/**
 * Never stuck on a node that does not answer: after `responding_timeout_ms` the turn fails and the
 * machine recovers; the failure names what it gave up waiting for.
 */
function giveUpAfterRespondingTimeout(waitingFor: (context: DialogueContext) => string) {
  return {
    respondingTimeout: {
      target: '#dialogue.recovering',
      actions: {
        type: 'markFailed',
        params: ({ context }: { context: DialogueContext }) => ({
          reason: `gave up waiting for ${waitingFor(context)} within ${context.config.respondingTimeoutMs} ms`,
        }),
      },
    },
  } as const;
}

/**
 * The conversation: asleep → listening → thinking → speaking → followUp, with sessions, barge-in,
 * backchannels, turn-taking for slow speakers, robot-initiated speech, crisis, pause, and recovery
 * from llm and tts failures. Every effect is a named actor or action, swapped in tests with
 * `dialogueMachine.provide(...)`; the DialogueNode provides the real `generate` and `say` actors on
 * top of the graph's action clients.
 *
 * `thinking` and `speaking` are children of `responding`, which owns the generate actor: it keeps
 * streaming sentences while earlier ones are spoken, and leaving `responding` (barge-in, failure,
 * pause, crisis) cancels generation and speech together.
 */
export const dialogueMachine = setup({
  types: {
    context: {} as DialogueContext,
    events: {} as DialogueEvent,
    input: {} as DialogueInput,
    emitted: {} as DialogueEmitted,
  },
  actors: {
    /** Streams the reply: sends llm.sentence per sentence, then llm.done or llm.failed; its cleanup cancels the goal. */
    generate: fromCallback<EventObject, GenerateInput>(() => {
      throw new ActorNotProvidedError('generate');
    }),
    /** Speaks one utterance; aborting its signal cancels the speech. */
    say: fromPromise<SayOutput, SayInput>(() => Promise.reject(new ActorNotProvidedError('say'))),
  },
  delays: {
    followUpWindow: ({ context }) => context.config.followUpWindowMs,
    noSpeechTimeout: ({ context }) => context.config.noSpeechTimeoutMs,
    recoveryTimeout: ({ context }) => context.config.recoveryTimeoutMs,
    respondingTimeout: ({ context }) => context.config.respondingTimeoutMs,
    endOfTurnSilence: ({ context }) =>
      endsMidSentence(context.partial)
        ? context.config.endOfTurnSilenceMidSentenceMs
        : context.config.endOfTurnSilenceMs,
    maxListening: ({ context }) => context.config.maxListeningMs,
    sessionTimeout: ({ context }) => context.config.sessionTimeoutMs,
    checkInAfter: ({ context }) => context.config.checkInAfterMs,
  },
  guards: {
    hasText: ({ event }) => textOf(event) !== '',
    hasPending: ({ context }) => context.turn.pending.length > 0,
    generationDone: ({ context }) => context.turn.generationDone,
    pendingOrDone: ({ context }) => context.turn.pending.length > 0 || context.turn.generationDone,
    replyEmpty: ({ context, event }) =>
      event.type === 'llm.done' && context.turn.received === 0 && event.reply.trim() === '',
    /** Barge-in is on and the robot is in a state the parameters let the person interrupt. */
    interruptible: ({ context }) =>
      context.config.bargeInEnabled &&
      context.state !== 'crisis' &&
      !openingInProgress(context) &&
      context.config.interruptibleStates.includes(context.state),
    /** User speech that interrupts: on when enabled, and never a backchannel ("mm-hm"). */
    speechInterrupts: ({ context, event }) =>
      speechMayInterrupt(context) &&
      textOf(event) !== '' &&
      !isBackchannel(textOf(event), context.config.backchannels),
    /** The person's voice has lasted past a backchannel (the node's voice.sustained): barge-in on speech. */
    voiceInterrupts: ({ context }) => speechMayInterrupt(context),
    farewell: ({ context }) => context.turn.farewell,
    /** A moderate classifier raise of this turn's words, before any of the reply has formed. */
    reasksCarefully: ({ context, event }) =>
      event.type === 'safety.raised' &&
      event.risk.level === 'moderate' &&
      raisesOpenTurn(context, event) &&
      nothingSaid(context.turn),
    /** Words heard while the robot replies that do not interrupt it: kept for the next turn. */
    heldForNextTurn: ({ context, event }) =>
      textOf(event) !== '' && !isBackchannel(textOf(event), context.config.backchannels),
    hasPartial: ({ context }) => context.partial.trim() !== '',
    maxListeningOn: ({ context }) => context.config.maxListeningMs > 0,
    canRePrompt: ({ context }) =>
      !context.rePrompted && context.config.rePrompt.trim() !== '' && !isQuiet(context),
    greetOnWake: ({ context }) => context.sessionId === '' && openingWords(context) !== '',
    sessionOpen: ({ context }) => context.sessionId !== '',
    sessionTimeoutOn: ({ context }) =>
      context.sessionId !== '' && context.config.sessionTimeoutMs > 0,
    canCheckIn: ({ context }) =>
      context.sessionId !== '' &&
      !context.checkedIn &&
      context.config.checkInAfterMs > 0 &&
      context.config.checkIn.trim() !== '' &&
      !isQuiet(context) &&
      (context.config.sessionTimeoutMs <= 0 ||
        context.config.checkInAfterMs < context.config.sessionTimeoutMs),
    hasQueuedSay: ({ context }) => context.sayQueue.length > 0,
    announcementNext: ({ context }, params: { next: AnnouncementNext }) =>
      context.announcement?.next === params.next,
    openingInProgress: ({ context }) => openingInProgress(context),
    /**
     * The person spoke again in a crisis: answered with a stay line once nothing is being said
     * (the crisis message is heard whole) and the last stay line began at least
     * `crisisStayIntervalMs` ago.
     */
    mayStay: ({ context, event }) =>
      event.type === 'safety.stay' &&
      event.userText.trim() !== '' &&
      event.message.trim() !== '' &&
      context.announcement === null &&
      (context.crisisStayAt === null ||
        context.now() - context.crisisStayAt >= context.config.crisisStayIntervalMs),
    /** A session opened by a crisis has not heard the AI notice yet (never inside the crisis message). */
    aiNoticeOwed: ({ context }) =>
      context.sessionId !== '' && !context.aiNoticeSaid && openingWords(context) !== '',
    /** A caregiver's ack-alert that leaves no alert open (an empty id acknowledges them all). */
    acksLastAlert: ({ context, event }) =>
      event.type === 'caregiver.ackAlert' &&
      (event.alertId === undefined ||
        event.alertId === '' ||
        context.openAlerts.every((id) => id === event.alertId)),
  },
  actions: {
    /** Records the new public state, adds it to the turn's path and tells observers. */
    enterState: enqueueActions(
      ({ enqueue, context, event }, params: { state: DialogueStateName }) => {
        // Robot-initiated speech (the opening words, a check-in...) has a record and path of its
        // own, so it is not part of the turn's; coming back from it is not a new step either.
        const robotSpeech =
          params.state === 'speaking' && recordedAnnouncement(context.announcement) !== null;
        const repeat = context.turn.states.at(-1) === params.state;
        enqueue.assign({
          state: params.state,
          previousState: context.stateSeq === 0 ? '' : context.state,
          stateSeq: context.stateSeq + 1,
          turn:
            robotSpeech || repeat
              ? context.turn
              : { ...context.turn, states: [...context.turn.states, params.state] },
        });
        enqueue.emit({
          type: 'state.changed',
          state: params.state,
          previousState: context.stateSeq === 0 ? '' : context.state,
          event: eventName(event.type),
          sessionId: context.sessionId,
          turnIndex: context.turnIndex,
        });
      },
    ),
    ensureSession: assign(({ context }) =>
      context.sessionId === ''
        ? { sessionId: context.createSessionId(), session: newSession(context.now()) }
        : {},
    ),
    /** Emits the session's summary (when one is open) and closes it. */
    endSession: enqueueActions(
      ({ enqueue, context }, params: { reason: SessionEndReason; detail: string }) => {
        if (context.sessionId !== '' && context.session !== null) {
          enqueue.emit({
            type: 'session.ended',
            summary: summarizeSession(
              context.sessionId,
              context.session,
              params.reason,
              params.detail,
              context.now(),
            ),
          });
        }
        enqueue.assign({
          sessionId: '',
          session: null,
          turnIndex: 0,
          turn: emptyTurn(),
          partial: '',
          rePrompted: false,
          checkedIn: false,
          nextInstruction: '',
          interruptedReply: null,
          voiceEndedAt: null,
          heldSpeech: null,
          carriedRisk: NO_RISK,
          aiNoticeSaid: false,
        });
      },
    ),
    recordWake: assign({
      turn: ({ context }) =>
        context.turn.timings.wakeAt === null
          ? withTimings(context.turn, { wakeAt: context.now() })
          : context.turn,
    }),
    assignPartial: assign({
      partial: ({ event }) => textOf(event),
      partialRisk: ({ event }) => riskOf(event) ?? NO_RISK,
    }),
    /** Opens a user turn from a final transcript, or from the last partial (end-of-turn silence). */
    startTurn: assign(({ context, event }) => {
      const now = context.now();
      const fromFinal = textOf(event) !== '';
      const userText = fromFinal ? textOf(event) : context.partial.trim();
      // A late classifier raise of the last turn, whose reply was already said, makes this one careful.
      const risk = higherRisk(
        (fromFinal ? riskOf(event) : context.partialRisk) ?? NO_RISK,
        context.carriedRisk,
      );
      const session = context.session;
      const nudge =
        session !== null &&
        !session.nudged &&
        context.config.nudgeAfterTurns > 0 &&
        session.turns >= context.config.nudgeAfterTurns;
      // The end of the person's voice, when the detector reported it before this transcript:
      // the recognizer's delay is then a stage of its own instead of hiding in the others.
      const voiceEnd = context.voiceEndedAt;
      const dated = voiceEnd !== null && voiceEnd <= now;
      return {
        turnIndex: context.turnIndex + 1,
        partial: '',
        partialRisk: NO_RISK,
        carriedRisk: NO_RISK,
        voiceEndedAt: null,
        rePrompted: false,
        checkedIn: false,
        nextInstruction: '',
        interruptedReply: null,
        session: nudge && session !== null ? { ...session, nudged: true } : session,
        turn: {
          ...withTimings(context.turn, {
            speechEndAt: dated ? voiceEnd : now,
            transcriptAt: dated ? now : null,
          }),
          userText,
          generateStartedAt: now,
          previousReply: context.interruptedReply,
          instruction: joinInstructions(
            context.nextInstruction,
            risk.level === 'moderate' ? MODERATE_RISK_PROTOCOL : '',
            nudge ? HUMAN_CONTACT_NUDGE : '',
          ),
          farewell: isGoodbye(userText, context.config.goodbyePhrases),
          risk,
        },
      };
    }),
    /**
     * A classifier raised the open turn to moderate before a word of the reply was said: the turn
     * carries the raised risk and is asked again with the careful protocol (the generate actor is
     * restarted, which cancels the first goal).
     */
    reaskCarefully: assign({
      turn: ({ context, event }) => {
        if (event.type !== 'safety.raised') return context.turn;
        const turn = context.turn;
        return {
          ...withTimings(turn, { firstTokenAt: null }),
          risk: event.risk,
          instruction: joinInstructions(turn.instruction, MODERATE_RISK_PROTOCOL),
          generateStartedAt: context.now(),
          received: 0,
          strategy: '',
          reasked: true,
        };
      },
    }),
    /**
     * A classifier's late raise that does not restart the reply: the open turn's record carries
     * it, words held for the next turn carry it, and a moderate raise of words whose reply is
     * already being said (or was) makes the next turn careful. Never cuts the reply short.
     */
    recordRaisedRisk: assign(({ context, event }) => {
      if (event.type !== 'safety.raised' || context.state === 'crisis') return {};
      const text = event.text.trim();
      const held = context.heldSpeech;
      if (held !== null && held.text.includes(text))
        return { heldSpeech: { ...held, risk: higherRisk(held.risk ?? NO_RISK, event.risk) } };
      const careful = event.risk.level === 'moderate';
      if (raisesOpenTurn(context, event))
        return {
          turn: { ...context.turn, risk: event.risk },
          ...(careful ? { carriedRisk: higherRisk(context.carriedRisk, event.risk) } : {}),
        };
      return careful ? { carriedRisk: higherRisk(context.carriedRisk, event.risk) } : {};
    }),
    enqueueSentence: assign({
      turn: ({ context, event }) => {
        if (event.type !== 'llm.sentence') return context.turn;
        const turn = context.turn;
        const sentence = event.sentence.trim();
        const started = turn.generateStartedAt;
        // The llm measures its first token from the goal's start; without that, arrival is the best guess.
        const firstTokenAt =
          turn.timings.firstTokenAt ??
          (started !== null && event.firstTokenMs > 0
            ? started + event.firstTokenMs
            : context.now());
        return {
          ...guardedSentence(withTimings(turn, { firstTokenAt }), sentence),
          received: turn.received + 1,
          strategy: event.strategy !== '' ? event.strategy : turn.strategy,
        };
      },
    }),
    completeGeneration: assign({
      turn: ({ context, event }) => {
        if (event.type !== 'llm.done') return context.turn;
        const now = context.now();
        const turn = context.turn;
        // A server that does not stream sentences still gets its reply spoken, as one utterance.
        const unstreamed = turn.received === 0 && event.reply.trim() !== '';
        const base = unstreamed ? guardedSentence(turn, event.reply.trim()) : turn;
        return {
          ...withTimings(base, {
            llmDoneAt: now,
            firstTokenAt: turn.timings.firstTokenAt ?? (unstreamed ? now : null),
          }),
          generationDone: true,
          pending: base.pending,
          strategy: event.strategy !== '' ? event.strategy : turn.strategy,
          fallback: turn.fallback || event.fallback,
          llm: {
            promptTokensEvaluated: event.promptTokensEvaluated ?? 0,
            generatedTokens: event.generatedTokens ?? 0,
            tokensPerSecond: event.tokensPerSecond ?? 0,
            contextStrategy: event.contextStrategy ?? '',
            model: event.model ?? '',
          },
        };
      },
    }),
    takeSentence: assign({
      turn: ({ context }) => {
        const [current = null, ...rest] = context.turn.pending;
        return { ...context.turn, current, pending: rest, utterances: context.turn.utterances + 1 };
      },
    }),
    takeApology: assign({
      turn: ({ context }) => ({
        ...context.turn,
        current: context.config.apology,
        pending: [],
        fallback: true,
        utterances: context.turn.utterances + 1,
      }),
    }),
    recordSpoken: assign({
      turn: ({ context, event }) => {
        const turn = context.turn;
        const audioPath =
          event.type === 'tts.finished' && event.audioPath !== ''
            ? event.audioPath
            : turn.audioPath;
        const spoken = turn.current === null ? turn.spoken : [...turn.spoken, turn.current];
        return { ...turn, spoken, current: null, audioPath };
      },
    }),
    recordFirstAudio: assign(({ context }) => {
      // Robot-initiated speech (a greeting) has its own record, not the first audio of the next reply.
      const announcement = recordedAnnouncement(context.announcement);
      if (announcement !== null) {
        return announcement.firstAudioAt === null
          ? { announcement: { ...announcement, firstAudioAt: context.now() } }
          : {};
      }
      return context.turn.timings.firstAudioAt === null && context.turn.userText !== ''
        ? { turn: withTimings(context.turn, { firstAudioAt: context.now() }) }
        : {};
    }),
    recordGesture: assign(({ context, event }) => {
      if (event.type !== 'gesture.performed') return {};
      const announcement = recordedAnnouncement(context.announcement);
      return announcement !== null
        ? { announcement: { ...announcement, gestures: [...announcement.gestures, event.name] } }
        : { turn: { ...context.turn, gestures: [...context.turn.gestures, event.name] } };
    }),
    /** The affect node's estimate: the session's first is its mood at start, the latest at end. */
    recordMood: assign({
      session: ({ context, event }) =>
        event.type === 'affect.estimated' &&
        context.session !== null &&
        (event.sessionId === '' || event.sessionId === context.sessionId)
          ? withMood(context.session, moodOf(event.emotion, event.intensity))
          : context.session,
    }),
    markFailed: assign({
      turn: ({ context }, params: { reason: string }) => ({
        ...context.turn,
        fallback: true,
        failure: params.reason,
      }),
    }),
    /**
     * The person cut the reply short: remember when (for barge-in-to-silence). The next Generate
     * goal carries what the person heard of this reply; the llm keeps only that in its history
     * and tells the model it was interrupted.
     */
    noteBargeIn: assign(({ context }) => ({
      // The person takes the turn now: words held from before the barge-in are superseded.
      heldSpeech: null,
      turn: withTimings(context.turn, { bargeInAt: context.now() }),
      interruptedReply: interruptedReply(context.turn, sayInputFor(context).utteranceId),
      session:
        context.session === null
          ? null
          : { ...context.session, interruptions: context.session.interruptions + 1 },
    })),
    /** The reply is cut short without a barge-in (a pause): the next Generate goal carries what was heard. */
    noteCutReply: assign({
      interruptedReply: ({ context }) =>
        interruptedReply(context.turn, sayInputFor(context).utteranceId),
    }),
    applyConfig: assign({
      config: ({ context, event }) =>
        event.type === 'config.changed' ? { ...context.config, ...event.config } : context.config,
    }),
    /** Emits the turn's summary, counts it in the session, and starts a fresh turn (whose path begins with `next`). */
    endTurn: enqueueActions(
      ({ enqueue, context }, params: { outcome: TurnOutcome; next: DialogueStateName }) => {
        const { summary, session } = closeTurn(context, params.outcome, params.next);
        enqueue.emit({ type: 'turn.ended', turn: summary });
        enqueue.assign({ turn: emptyTurn(), session });
      },
    ),
    /** A crisis may come in the middle of a turn or of robot-initiated speech: close it, so its record is not lost. */
    closeOpenTurn: enqueueActions(({ enqueue, context }) => {
      const announcement = recordedAnnouncement(context.announcement);
      if (announcement !== null) {
        enqueue.emit({
          type: 'turn.ended',
          turn: summarizeAnnouncement(
            announcement,
            { ...context, utteranceId: announcementUtteranceId(context) },
            { outcome: 'interrupted', next: 'crisis', at: context.now() },
            '',
          ),
        });
      }
      if (context.turn.userText === '') return;
      const { summary, session } = closeTurn(context, 'crisis', 'crisis');
      enqueue.emit({ type: 'turn.ended', turn: summary });
      enqueue.assign({ turn: emptyTurn(), session });
    }),
    /**
     * The words that set off a crisis become a turn of their own: its reply is the crisis message,
     * its record is published once the message has been said (or the alert acknowledged).
     */
    openCrisisTurn: assign(({ context, event }) => {
      if (event.type !== 'safety.crisis') return {};
      const text = event.message?.trim() || context.config.crisisMessage;
      const userText = event.userText?.trim() ?? '';
      const openAlerts = withAlert(context.openAlerts, event.alertId);
      return {
        partial: '',
        partialRisk: NO_RISK,
        openAlerts,
        crisisStayAt: null,
        announcement: newAnnouncement('crisis', text, 'listening', context.state, context.now()),
        announcements: context.announcements + 1,
        ...(userText === ''
          ? { turn: emptyTurn() }
          : {
              turnIndex: context.turnIndex + 1,
              turn: {
                ...withTimings(emptyTurn(), { speechEndAt: context.now() }),
                userText,
                states: [context.state],
                risk: event.risk ?? NO_RISK,
              },
            }),
      };
    }),
    /**
     * The person spoke again in the crisis, once its message was said: their words and the fixed
     * stay line (the helpline again) are a turn of their own, recorded as the crisis turn is.
     */
    openStayTurn: assign(({ context, event }) => {
      if (event.type !== 'safety.stay') return {};
      return {
        partial: '',
        partialRisk: NO_RISK,
        crisisStayAt: context.now(),
        announcement: newAnnouncement(
          'crisis',
          event.message,
          'listening',
          context.state,
          context.now(),
        ),
        announcements: context.announcements + 1,
        turnIndex: context.turnIndex + 1,
        turn: {
          ...withTimings(emptyTurn(), { speechEndAt: context.now() }),
          userText: event.userText.trim(),
          states: [context.state],
          risk: event.risk,
        },
      };
    }),
    leaveCrisis: assign({ crisisStayAt: null }),
    /** A further alert while in crisis: counted, and kept open until acknowledged. */
    addAlert: assign({
      openAlerts: ({ context, event }) =>
        event.type === 'safety.crisis'
          ? withAlert(context.openAlerts, event.alertId)
          : context.openAlerts,
    }),
    ackAlert: assign({
      openAlerts: ({ context, event }) =>
        event.type === 'caregiver.ackAlert' && event.alertId
          ? context.openAlerts.filter((id) => id !== event.alertId)
          : [],
    }),
    /** The crisis message said (or cut short by the acknowledgement): its turn record goes out. */
    closeCrisisTurn: enqueueActions(
      ({ enqueue, context }, params: { said: boolean; audioPath: string }) => {
        if (context.turn.userText === '') return;
        const text = context.announcement?.text ?? '';
        const turn: TurnState = {
          ...context.turn,
          spoken: params.said && text !== '' ? [text] : [],
          audioPath: params.audioPath,
        };
        // The path already ends in crisis (entered when the turn opened).
        const { summary, session } = closeTurn({ ...context, turn }, 'crisis', null);
        enqueue.emit({ type: 'turn.ended', turn: summary });
        enqueue.assign({ turn: emptyTurn(), session });
      },
    ),
    discardTurn: assign({
      turn: () => emptyTurn(),
      partial: '',
      voiceEndedAt: null,
      heldSpeech: null,
    }),
    /** A new segment of the person's voice: an earlier end no longer dates the end of speech. */
    voiceStarted: assign({ voiceEndedAt: null }),
    voiceEnded: assign({
      voiceEndedAt: ({ context, event }) =>
        event.type === 'voice.ended' ? event.at : context.voiceEndedAt,
    }),
    countAlert: assign({
      session: ({ context }) =>
        context.session === null
          ? null
          : { ...context.session, alerts: context.session.alerts + 1 },
    }),
    queueSay: assign({
      sayQueue: ({ context, event }) =>
        event.type === 'caregiver.say' && event.text.trim() !== ''
          ? [...context.sayQueue, event.text.trim()]
          : context.sayQueue,
    }),
    announce: assign(
      ({ context }, params: { kind: Announcement['kind']; next: AnnouncementNext }) => {
        const text = {
          greeting: openingWords(context),
          rePrompt: context.config.rePrompt,
          checkIn: context.config.checkIn,
          crisis: context.config.crisisMessage,
          caregiver: '',
        }[params.kind];
        return {
          announcement: newAnnouncement(
            params.kind,
            text,
            params.next,
            context.state,
            context.now(),
          ),
          announcements: context.announcements + 1,
          rePrompted: context.rePrompted || params.kind === 'rePrompt',
          checkedIn: context.checkedIn || params.kind === 'checkIn',
          aiNoticeSaid: context.aiNoticeSaid || params.kind === 'greeting',
        };
      },
    ),
    announceQueuedSay: assign(({ context }, params: { next: AnnouncementNext }) => {
      const [text = '', ...rest] = context.sayQueue;
      return {
        sayQueue: rest,
        announcement: newAnnouncement('caregiver', text, params.next, context.state, context.now()),
        announcements: context.announcements + 1,
      };
    }),
    clearAnnouncement: assign({ announcement: null }),
    /** A barge-in cut the robot's own words short: remember when (for barge-in-to-silence). */
    noteAnnouncementBargeIn: assign({
      announcement: ({ context }) =>
        context.announcement === null
          ? null
          : { ...context.announcement, bargeInAt: context.now() },
    }),
    /** Robot-initiated speech has ended (said, cut short or failed): its turn record goes out. */
    endAnnouncement: enqueueActions(({ enqueue, context, event }, params: AnnouncementEnd) => {
      const announcement = recordedAnnouncement(context.announcement);
      if (announcement === null) return;
      const output = sayOutputOf(event);
      const outcome =
        params.outcome === 'spoken' && output?.cancelled ? 'interrupted' : params.outcome;
      enqueue.emit({
        type: 'turn.ended',
        turn: summarizeAnnouncement(
          announcement,
          { ...context, utteranceId: announcementUtteranceId(context) },
          { outcome, next: params.next ?? announcement.next, at: context.now() },
          output?.audioPath ?? '',
        ),
      });
    }),
    /**
     * Words the person said over the opening words or a reply: kept, and taken once the robot
     * listens. Several finals are one turn: their words joined, and the highest risk among them,
     * so a moderate utterance followed by a calm one is still answered with the careful protocol.
     */
    holdSpeech: assign({
      heldSpeech: ({ context, event }) => {
        if (event.type !== 'speech.final' || textOf(event) === '') return null;
        const held = context.heldSpeech;
        if (held === null) return event;
        return {
          ...event,
          text: `${held.text.trim()} ${textOf(event)}`,
          risk: higherRisk(held.risk ?? NO_RISK, event.risk ?? NO_RISK),
        };
      },
    }),
    replayHeldSpeech: enqueueActions(({ enqueue, context }) => {
      if (context.heldSpeech === null) return;
      enqueue.raise(context.heldSpeech);
      enqueue.assign({ heldSpeech: null });
    }),
  },
}).createMachine({
  id: 'dialogue',
  context: ({ input }) => ({
    config: { ...DEFAULT_DIALOGUE_CONFIG, ...input.config },
    now: input.now ?? Date.now,
    createSessionId: input.createSessionId ?? defaultSessionId,
    sessionId: '',
    turnIndex: 0,
    state: 'asleep',
    previousState: '',
    stateSeq: 0,
    turn: emptyTurn(),
    session: null,
    partial: '',
    rePrompted: false,
    checkedIn: false,
    sayQueue: [],
    announcement: null,
    announcements: 0,
    nextInstruction: '',
    interruptedReply: null,
    partialRisk: NO_RISK,
    carriedRisk: NO_RISK,
    openAlerts: [],
    crisisStayAt: null,
    aiNoticeSaid: false,
    heldSpeech: null,
    voiceEndedAt: null,
  }),
  initial: 'asleep',
  on: {
    'gesture.performed': { actions: 'recordGesture' },
    'affect.estimated': { actions: 'recordMood' },
    'config.changed': { actions: 'applyConfig' },
    'tts.started': { actions: 'recordFirstAudio' },
    'caregiver.say': { actions: 'queueSay' },
    'voice.started': { actions: 'voiceStarted' },
    'voice.ended': { actions: 'voiceEnded' },
    // A late classifier raise; `responding.thinking` asks again instead, before a word is said.
    'safety.raised': { actions: 'recordRaisedRisk' },
    // Safety comes first: from any state, whatever was going on is cancelled.
    'safety.crisis': {
      target: '.crisis',
      actions: ['closeOpenTurn', 'ensureSession', 'countAlert', 'openCrisisTurn'],
    },
  },
  states: {
    asleep: {
      entry: ['discardTurn', { type: 'enterState', params: { state: 'asleep' } }],
      always: {
        guard: 'hasQueuedSay',
        target: 'announcing',
        actions: { type: 'announceQueuedSay', params: { next: 'asleep' } },
      },
      after: {
        checkInAfter: {
          guard: 'canCheckIn',
          target: 'announcing',
          actions: { type: 'announce', params: { kind: 'checkIn', next: 'followUp' } },
        },
        sessionTimeout: {
          guard: 'sessionTimeoutOn',
          actions: { type: 'endSession', params: { reason: 'inactivity', detail: '' } },
        },
      },
      on: {
        'wake.detected': [
          {
            guard: 'greetOnWake',
            target: 'announcing',
            actions: ['ensureSession', 'recordWake', GREETING],
          },
          { target: 'listening', actions: ['ensureSession', 'recordWake'] },
        ],
        'caregiver.pause': { target: 'paused' },
        'session.end': {
          actions: END_SESSION_BY_CAREGIVER,
        },
      },
    },
    listening: {
      entry: { type: 'enterState', params: { state: 'listening' } },
      always: {
        guard: 'hasQueuedSay',
        target: 'announcing',
        actions: { type: 'announceQueuedSay', params: { next: 'listening' } },
      },
      after: {
        // A safety net for a speaker who never pauses: take what was heard.
        maxListening: [
          { guard: 'hasPartial', target: 'responding', actions: 'startTurn' },
          { guard: 'maxListeningOn', target: 'asleep' },
        ],
      },
      on: {
        'speech.final': { guard: 'hasText', target: 'responding', actions: 'startTurn' },
        // Hearing the wake word again restarts the timers.
        'wake.detected': { target: 'listening', reenter: true, actions: 'recordWake' },
        'caregiver.pause': { target: 'paused' },
        'session.end': {
          target: 'asleep',
          actions: END_SESSION_BY_CAREGIVER,
        },
      },
      initial: 'waiting',
      states: {
        /** Nothing heard yet. */
        waiting: {
          after: {
            noSpeechTimeout: [
              {
                guard: 'canRePrompt',
                target: '#dialogue.announcing',
                actions: { type: 'announce', params: { kind: 'rePrompt', next: 'listening' } },
              },
              { target: '#dialogue.asleep' },
            ],
          },
          on: {
            'speech.partial': { guard: 'hasText', target: 'hearing', actions: 'assignPartial' },
          },
        },
        /** The person is speaking: each partial restarts the end-of-turn silence. */
        hearing: {
          after: { endOfTurnSilence: { target: '#dialogue.responding', actions: 'startTurn' } },
          on: {
            'speech.partial': {
              guard: 'hasText',
              target: 'hearing',
              reenter: true,
              actions: 'assignPartial',
            },
          },
        },
      },
    },
    responding: {
      invoke: {
        id: 'generate',
        src: 'generate',
        input: ({ context }) => ({
          sessionId: context.sessionId,
          userText: context.turn.userText,
          instruction: context.turn.instruction,
          previousReply: context.turn.previousReply,
          riskLevel: context.turn.risk.level,
          reasked: context.turn.reasked,
        }),
        onError: {
          target: 'recovering',
          actions: {
            type: 'markFailed',
            params: ({ event }) => ({ reason: errorReason(event.error) }),
          },
        },
      },
      on: {
        'llm.sentence': { actions: 'enqueueSentence' },
        'llm.done': [
          {
            guard: 'replyEmpty',
            target: 'recovering',
            actions: { type: 'markFailed', params: { reason: 'the llm returned an empty reply' } },
          },
          { actions: 'completeGeneration' },
        ],
        'llm.failed': {
          target: 'recovering',
          actions: { type: 'markFailed', params: ({ event }) => ({ reason: event.reason }) },
        },
        'wake.detected': {
          guard: 'interruptible',
          target: 'listening',
          actions: [...PERSON_CUTS_REPLY, 'recordWake'],
        },
        'user.bargeIn': {
          guard: 'interruptible',
          target: 'listening',
          actions: [...PERSON_CUTS_REPLY, 'recordWake'],
        },
        // The person's voice has lasted past a backchannel (when enabled): listen for the words.
        'voice.sustained': {
          guard: 'voiceInterrupts',
          target: 'listening',
          actions: PERSON_CUTS_REPLY,
        },
        // The person talks over the robot (when enabled); a backchannel does neither.
        'speech.partial': {
          guard: 'speechInterrupts',
          target: '#dialogue.listening.hearing',
          actions: [...PERSON_CUTS_REPLY, 'assignPartial'],
        },
        'speech.final': [
          {
            guard: 'speechInterrupts',
            target: 'listening',
            actions: [
              ...PERSON_CUTS_REPLY,
              // Listening then takes the same words as the next turn.
              raise(({ event }) => event),
            ],
          },
          // Words that do not interrupt (barge_in_on_speech off) are not lost: they are the
          // next turn, answered once the reply has been said.
          { guard: 'heldForNextTurn', actions: 'holdSpeech' },
        ],
        'caregiver.pause': {
          target: 'paused',
          actions: [
            // The person heard only part of the reply: the next turn's goal says which part.
            'noteCutReply',
            { type: 'endTurn', params: { outcome: 'interrupted', next: 'paused' } },
          ],
        },
        'session.end': {
          target: 'asleep',
          actions: [
            { type: 'endTurn', params: { outcome: 'interrupted', next: 'asleep' } },
            END_SESSION_BY_CAREGIVER,
          ],
        },
      },
      initial: 'thinking',
      states: {
        thinking: {
          entry: { type: 'enterState', params: { state: 'thinking' } },
          always: { guard: 'hasPending', target: 'speaking' },
          on: {
            // Nothing said yet: ask again with the careful protocol (re-entering `responding`
            // cancels the first goal); the person only waits a little longer.
            'safety.raised': {
              guard: 'reasksCarefully',
              target: '#dialogue.responding',
              reenter: true,
              actions: 'reaskCarefully',
            },
          },
          // Never stuck on an llm that does not answer.
          after: giveUpAfterRespondingTimeout(() => 'the llm: no sentence'),
        },
        speaking: {
          entry: { type: 'enterState', params: { state: 'speaking' } },
          initial: 'next',
          states: {
            next: {
              always: [
                { guard: 'hasPending', target: 'saying' },
                {
                  // The person said goodbye and the robot has said its whole farewell (the llm
                  // is done, not only the sentences it has sent so far): the session ends.
                  guard: and(['farewell', 'generationDone']),
                  target: '#dialogue.asleep',
                  actions: [
                    { type: 'endTurn', params: { outcome: 'spoken', next: 'asleep' } },
                    { type: 'endSession', params: { reason: 'goodbye', detail: '' } },
                  ],
                },
                {
                  guard: 'generationDone',
                  target: '#dialogue.followUp',
                  actions: [
                    { type: 'endTurn', params: { outcome: 'spoken', next: 'followUp' } },
                    // Words the person said over the reply are the next turn.
                    'replayHeldSpeech',
                  ],
                },
                { target: 'waiting' },
              ],
            },
            saying: {
              entry: 'takeSentence',
              invoke: {
                id: 'say',
                src: 'say',
                input: ({ context }) => sayInputFor(context),
                onDone: {
                  actions: raise(({ context, event }) => ({
                    type: 'tts.finished' as const,
                    utteranceId: sayInputFor(context).utteranceId,
                    audioPath:
                      event.output.groupAudioPath !== ''
                        ? event.output.groupAudioPath
                        : event.output.audioPath,
                    wordsSpoken: event.output.wordsSpoken,
                  })),
                },
                onError: {
                  actions: raise(({ context, event }) => ({
                    type: 'tts.failed' as const,
                    utteranceId: sayInputFor(context).utteranceId,
                    reason: errorReason(event.error),
                  })),
                },
              },
              // Never stuck on a tts that does not finish (or answer at all).
              after: giveUpAfterRespondingTimeout(
                (context) => `the tts: utterance ${sayInputFor(context).utteranceId} not finished`,
              ),
              on: {
                'tts.finished': { target: 'next', actions: 'recordSpoken' },
                'tts.failed': {
                  target: '#dialogue.recovering',
                  actions: {
                    type: 'markFailed',
                    params: ({ event }) => ({ reason: event.reason }),
                  },
                },
              },
            },
            // Speech has caught up with generation: wait for the next sentence or the end.
            waiting: {
              always: { guard: 'pendingOrDone', target: 'next' },
              // Never stuck on an llm that stops in the middle of a reply.
              after: giveUpAfterRespondingTimeout(() => 'the llm: no further sentence'),
            },
          },
        },
      },
    },
    followUp: {
      entry: { type: 'enterState', params: { state: 'followUp' } },
      always: {
        guard: 'hasQueuedSay',
        target: 'announcing',
        actions: { type: 'announceQueuedSay', params: { next: 'followUp' } },
      },
      after: { followUpWindow: { target: 'asleep' } },
      on: {
        'speech.final': { guard: 'hasText', target: 'responding', actions: 'startTurn' },
        'speech.partial': {
          guard: 'hasText',
          target: '#dialogue.listening.hearing',
          actions: 'assignPartial',
        },
        'wake.detected': { target: 'listening', actions: 'recordWake' },
        'caregiver.pause': { target: 'paused' },
        'session.end': {
          target: 'asleep',
          actions: END_SESSION_BY_CAREGIVER,
        },
      },
    },
    /**
     * The robot speaks on its own (greeting, re-prompt, check-in, a caregiver's words), then goes
     * where the announcement says. Public state `speaking`, interruptible as speaking is.
     */
    announcing: {
      entry: { type: 'enterState', params: { state: 'speaking' } },
      invoke: {
        id: 'say',
        src: 'say',
        input: ({ context }) => announcementInput(context),
        onDone: afterAnnouncement('spoken'),
        onError: afterAnnouncement('failed'),
      },
      after: { recoveryTimeout: afterAnnouncement('failed') },
      on: {
        'wake.detected': [
          {
            // A caregiver's words said while no session was open, cut short by the wake that
            // opens one: the session's opening words (the AI notice) come first, as on any wake.
            guard: and(['interruptible', 'greetOnWake']),
            target: 'announcing',
            reenter: true,
            actions: [...personCutsAnnouncement('speaking'), 'recordWake', GREETING],
          },
          {
            guard: 'interruptible',
            target: 'listening',
            // Without opening words to say, a wake that opens a session still opens it.
            actions: [...personCutsAnnouncement('listening'), 'recordWake'],
          },
        ],
        'user.bargeIn': {
          guard: 'interruptible',
          target: 'listening',
          // A caregiver's words said while asleep may be cut short by the wake that opens a session.
          actions: [...personCutsAnnouncement('listening'), 'recordWake'],
        },
        // Speech that cuts short a caregiver's words said outside a session opens one, with its
        // opening words first, as a wake does; a final transcript is kept for after them.
        'voice.sustained': [
          {
            guard: and(['voiceInterrupts', 'greetOnWake']),
            target: 'announcing',
            reenter: true,
            actions: [...personCutsAnnouncement('speaking'), GREETING],
          },
          {
            guard: 'voiceInterrupts',
            target: 'listening',
            actions: personCutsAnnouncement('listening'),
          },
        ],
        'speech.partial': [
          {
            guard: and(['speechInterrupts', 'greetOnWake']),
            target: 'announcing',
            reenter: true,
            actions: [...personCutsAnnouncement('speaking'), GREETING],
          },
          {
            guard: 'speechInterrupts',
            target: '#dialogue.listening.hearing',
            actions: [...personCutsAnnouncement('listening'), 'assignPartial'],
          },
        ],
        'speech.final': [
          {
            guard: and(['speechInterrupts', 'greetOnWake']),
            target: 'announcing',
            reenter: true,
            actions: [...personCutsAnnouncement('speaking'), GREETING, 'holdSpeech'],
          },
          {
            guard: 'speechInterrupts',
            target: 'listening',
            actions: [...personCutsAnnouncement('listening'), raise(({ event }) => event)],
          },
          // Over the opening words (which nothing interrupts) the person's words are kept.
          { guard: 'openingInProgress', actions: 'holdSpeech' },
        ],
        'caregiver.pause': { target: 'paused', actions: cutAnnouncement('paused') },
        'session.end': {
          target: 'asleep',
          actions: [...cutAnnouncement('asleep'), END_SESSION_BY_CAREGIVER],
        },
      },
    },
    /**
     * A crisis (issue 7's safety screen): says the fixed message and stays with the person. Nothing
     * interrupts it, not even a pause; only a caregiver's acknowledgement leaves it.
     */
    crisis: {
      // The transition into crisis has opened the crisis turn and set the message to say.
      entry: { type: 'enterState', params: { state: 'crisis' } },
      invoke: {
        id: 'say',
        src: 'say',
        input: ({ context }) => announcementInput(context),
        // Said or not, the robot stays; the message is on the alert for the caregiver too.
        onDone: {
          actions: [
            {
              type: 'closeCrisisTurn',
              params: ({ event }) => ({
                said: !event.output.cancelled,
                audioPath: event.output.audioPath,
              }),
            },
            'clearAnnouncement',
          ],
        },
        onError: {
          actions: [
            { type: 'closeCrisisTurn', params: { said: false, audioPath: '' } },
            'clearAnnouncement',
          ],
        },
      },
      on: {
        'safety.crisis': { actions: ['countAlert', 'addAlert'] },
        // The robot stays with the person: their further words get a fixed line, never the llm.
        'safety.stay': {
          guard: 'mayStay',
          target: 'crisis',
          reenter: true,
          actions: 'openStayTurn',
        },
        'caregiver.ackAlert': [
          {
            // A session the crisis opened: the AI notice comes now, before the first reply.
            guard: and(['acksLastAlert', 'aiNoticeOwed']),
            target: 'announcing',
            actions: [
              { type: 'closeCrisisTurn', params: { said: true, audioPath: '' } },
              'ackAlert',
              'clearAnnouncement',
              'leaveCrisis',
              GREETING,
            ],
          },
          {
            guard: 'acksLastAlert',
            target: 'listening',
            actions: [
              // Begun, if not finished: the record names it, as an interrupted reply's does.
              { type: 'closeCrisisTurn', params: { said: true, audioPath: '' } },
              'ackAlert',
              'clearAnnouncement',
              'leaveCrisis',
            ],
          },
          { actions: 'ackAlert' },
        ],
      },
    },
    /** Says a short fixed apology (the fallback path), then listens again whatever happens. */
    recovering: {
      entry: [{ type: 'enterState', params: { state: 'recovering' } }, 'takeApology'],
      invoke: {
        id: 'say',
        src: 'say',
        input: ({ context }) => sayInputFor(context),
        onDone: {
          actions: raise(({ context, event }) => ({
            type: 'tts.finished' as const,
            utteranceId: sayInputFor(context).utteranceId,
            audioPath:
              event.output.groupAudioPath !== ''
                ? event.output.groupAudioPath
                : event.output.audioPath,
            wordsSpoken: event.output.wordsSpoken,
          })),
        },
        onError: {
          actions: raise(({ context, event }) => ({
            type: 'tts.failed' as const,
            utteranceId: sayInputFor(context).utteranceId,
            reason: errorReason(event.error),
          })),
        },
      },
      after: {
        recoveryTimeout: {
          target: 'listening',
          actions: [
            { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
            'replayHeldSpeech',
          ],
        },
      },
      on: {
        'tts.finished': {
          target: 'listening',
          actions: [
            'recordSpoken',
            { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
            'replayHeldSpeech',
          ],
        },
        'tts.failed': {
          target: 'listening',
          actions: [
            { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
            'replayHeldSpeech',
          ],
        },
        'wake.detected': {
          target: 'listening',
          actions: [
            { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
            'recordWake',
          ],
        },
        'caregiver.pause': {
          target: 'paused',
          actions: { type: 'endTurn', params: { outcome: 'failed', next: 'paused' } },
        },
        'session.end': {
          target: 'asleep',
          actions: [
            { type: 'endTurn', params: { outcome: 'failed', next: 'asleep' } },
            END_SESSION_BY_CAREGIVER,
          ],
        },
      },
    },
    paused: {
      entry: ['discardTurn', { type: 'enterState', params: { state: 'paused' } }],
      on: {
        'caregiver.resume': { target: 'asleep' },
        'session.end': {
          actions: END_SESSION_BY_CAREGIVER,
        },
      },
    },
  },
});

export type DialogueMachine = typeof dialogueMachine;
