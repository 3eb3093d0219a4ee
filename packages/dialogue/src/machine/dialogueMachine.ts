import {
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  raise,
  setup,
  type EventObject,
} from 'xstate';
import { ActorNotProvidedError } from '../errors.js';
import type { DialogueEmitted, DialogueEvent } from './events.js';
import { eventName } from './eventName.js';
import { emptyTurn, summarizeTurn, withTimings } from './turn.js';
import {
  DEFAULT_DIALOGUE_CONFIG,
  type DialogueContext,
  type DialogueInput,
  type DialogueStateName,
  type GenerateInput,
  type SayInput,
  type SayOutput,
  type TurnOutcome,
} from './types.js';

/** The system id of the dialogue actor, so child actors can reach it (`system.get`). */
export const DIALOGUE_SYSTEM_ID = 'dialogue';

function defaultSessionId(): string {
  return `s${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

function sayInputFor(context: DialogueContext): SayInput {
  const groupId = `${context.sessionId}-${context.turnIndex}`;
  return {
    utteranceId: `${groupId}-${context.turn.utterances - 1}`,
    text: context.turn.current ?? '',
    groupId,
  };
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The conversation: asleep → listening → thinking → speaking → followUp, with barge-in, pause,
 * and recovery from llm and tts failures. Every effect is a named actor or action, swapped in
 * tests with `dialogueMachine.provide(...)`; the DialogueNode provides the real `generate` and
 * `say` actors on top of the graph's action clients.
 *
 * `thinking` and `speaking` are children of `responding`, which owns the generate actor: it keeps
 * streaming sentences while earlier ones are spoken, and leaving `responding` (barge-in, failure,
 * pause) cancels generation and speech together.
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
  },
  guards: {
    hasText: ({ event }) => event.type === 'speech.final' && event.text.trim() !== '',
    bargeInEnabled: ({ context }) => context.config.bargeInEnabled,
    hasPending: ({ context }) => context.turn.pending.length > 0,
    generationDone: ({ context }) => context.turn.generationDone,
    pendingOrDone: ({ context }) => context.turn.pending.length > 0 || context.turn.generationDone,
    replyEmpty: ({ context, event }) =>
      event.type === 'llm.done' && context.turn.received === 0 && event.reply.trim() === '',
  },
  actions: {
    /** Records the new public state, adds it to the turn's path and tells observers. */
    enterState: enqueueActions(
      ({ enqueue, context, event }, params: { state: DialogueStateName }) => {
        enqueue.assign({
          state: params.state,
          previousState: context.stateSeq === 0 ? '' : context.state,
          stateSeq: context.stateSeq + 1,
          turn: { ...context.turn, states: [...context.turn.states, params.state] },
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
    ensureSession: assign({
      sessionId: ({ context }) =>
        context.sessionId === '' ? context.createSessionId() : context.sessionId,
    }),
    endSession: assign({ sessionId: '', turnIndex: 0, turn: () => emptyTurn() }),
    recordWake: assign({
      turn: ({ context }) =>
        context.turn.timings.wakeAt === null
          ? withTimings(context.turn, { wakeAt: context.now() })
          : context.turn,
    }),
    startTurn: assign(({ context, event }) => {
      const now = context.now();
      const userText = event.type === 'speech.final' ? event.text.trim() : '';
      return {
        turnIndex: context.turnIndex + 1,
        turn: {
          ...withTimings(context.turn, { speechEndAt: now }),
          userText,
          generateStartedAt: now,
        },
      };
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
          ...withTimings(turn, { firstTokenAt }),
          pending: sentence === '' ? turn.pending : [...turn.pending, sentence],
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
        return {
          ...withTimings(turn, {
            llmDoneAt: now,
            firstTokenAt: turn.timings.firstTokenAt ?? (unstreamed ? now : null),
          }),
          generationDone: true,
          pending: unstreamed ? [event.reply.trim()] : turn.pending,
          strategy: event.strategy !== '' ? event.strategy : turn.strategy,
          fallback: turn.fallback || event.fallback,
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
    recordFirstAudio: assign({
      turn: ({ context }) =>
        context.turn.timings.firstAudioAt === null
          ? withTimings(context.turn, { firstAudioAt: context.now() })
          : context.turn,
    }),
    recordGesture: assign({
      turn: ({ context, event }) =>
        event.type === 'gesture.performed'
          ? { ...context.turn, gestures: [...context.turn.gestures, event.name] }
          : context.turn,
    }),
    markFailed: assign({
      turn: ({ context }, params: { reason: string }) => ({
        ...context.turn,
        fallback: true,
        failure: params.reason,
      }),
    }),
    applyConfig: assign({
      config: ({ context, event }) =>
        event.type === 'config.changed' ? { ...context.config, ...event.config } : context.config,
    }),
    /** Emits the turn's summary and starts a fresh turn (whose path begins with `next`). */
    endTurn: enqueueActions(
      ({ enqueue, context }, params: { outcome: TurnOutcome; next: DialogueStateName }) => {
        const turn = { ...context.turn, states: [...context.turn.states, params.next] };
        const summary = summarizeTurn(turn, context, params.outcome, context.now());
        enqueue.emit({ type: 'turn.ended', turn: summary });
        enqueue.assign({ turn: emptyTurn() });
      },
    ),
    discardTurn: assign({ turn: () => emptyTurn() }),
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
  }),
  initial: 'asleep',
  on: {
    'gesture.performed': { actions: 'recordGesture' },
    'config.changed': { actions: 'applyConfig' },
    'tts.started': { actions: 'recordFirstAudio' },
  },
  states: {
    asleep: {
      entry: ['discardTurn', { type: 'enterState', params: { state: 'asleep' } }],
      on: {
        'wake.detected': { target: 'listening', actions: ['ensureSession', 'recordWake'] },
        'caregiver.pause': { target: 'paused' },
        'session.end': { actions: 'endSession' },
      },
    },
    listening: {
      entry: { type: 'enterState', params: { state: 'listening' } },
      after: { noSpeechTimeout: { target: 'asleep' } },
      on: {
        'speech.final': { guard: 'hasText', target: 'responding', actions: 'startTurn' },
        // Hearing the wake word again restarts the no-speech timer.
        'wake.detected': { target: 'listening', reenter: true, actions: 'recordWake' },
        'caregiver.pause': { target: 'paused' },
        'session.end': { target: 'asleep', actions: 'endSession' },
      },
    },
    responding: {
      invoke: {
        id: 'generate',
        src: 'generate',
        input: ({ context }) => ({
          sessionId: context.sessionId,
          userText: context.turn.userText,
          instruction: '',
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
          guard: 'bargeInEnabled',
          target: 'listening',
          actions: [
            { type: 'endTurn', params: { outcome: 'interrupted', next: 'listening' } },
            'recordWake',
          ],
        },
        'user.bargeIn': {
          guard: 'bargeInEnabled',
          target: 'listening',
          actions: [
            { type: 'endTurn', params: { outcome: 'interrupted', next: 'listening' } },
            'recordWake',
          ],
        },
        'caregiver.pause': {
          target: 'paused',
          actions: { type: 'endTurn', params: { outcome: 'interrupted', next: 'paused' } },
        },
        'session.end': {
          target: 'asleep',
          actions: [
            { type: 'endTurn', params: { outcome: 'interrupted', next: 'asleep' } },
            'endSession',
          ],
        },
      },
      initial: 'thinking',
      states: {
        thinking: {
          entry: { type: 'enterState', params: { state: 'thinking' } },
          always: { guard: 'hasPending', target: 'speaking' },
        },
        speaking: {
          entry: { type: 'enterState', params: { state: 'speaking' } },
          initial: 'next',
          states: {
            next: {
              always: [
                { guard: 'hasPending', target: 'saying' },
                {
                  guard: 'generationDone',
                  target: '#dialogue.followUp',
                  actions: { type: 'endTurn', params: { outcome: 'spoken', next: 'followUp' } },
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
            },
          },
        },
      },
    },
    followUp: {
      entry: { type: 'enterState', params: { state: 'followUp' } },
      after: { followUpWindow: { target: 'asleep' } },
      on: {
        'speech.final': { guard: 'hasText', target: 'responding', actions: 'startTurn' },
        'wake.detected': { target: 'listening', actions: 'recordWake' },
        'caregiver.pause': { target: 'paused' },
        'session.end': { target: 'asleep', actions: 'endSession' },
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
          actions: { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
        },
      },
      on: {
        'tts.finished': {
          target: 'listening',
          actions: [
            'recordSpoken',
            { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
          ],
        },
        'tts.failed': {
          target: 'listening',
          actions: { type: 'endTurn', params: { outcome: 'failed', next: 'listening' } },
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
            'endSession',
          ],
        },
      },
    },
    paused: {
      entry: ['discardTurn', { type: 'enterState', params: { state: 'paused' } }],
      on: {
        'caregiver.resume': { target: 'asleep' },
        'session.end': { actions: 'endSession' },
      },
    },
  },
});

export type DialogueMachine = typeof dialogueMachine;
