import { createActor, fromCallback, fromPromise, SimulatedClock, type EventObject } from 'xstate';
import {
  DIALOGUE_SYSTEM_ID,
  dialogueMachine,
  type DialogueEmitted,
  type DialogueEvent,
  type DialogueInput,
  type GenerateInput,
  type SayInput,
  type SayOutput,
  type TurnSummary,
} from '../../src/index.js';

/** One sentence of a reply, as the generate actor sends it to the machine. */
export function llmSentence(text: string, index = 0, strategy = ''): DialogueEvent {
  return { type: 'llm.sentence', sentence: text, index, strategy, firstTokenMs: 5 };
}

/** The end of a reply, as the generate actor sends it to the machine. */
export function llmDone(reply: string): DialogueEvent {
  return { type: 'llm.done', reply, strategy: '', fallback: false };
}

/** Sent to the fake generate actor, it throws: how a test crashes generation from outside. */
export const CRASH_GENERATION = 'fake.crash';

export interface FakeGeneration {
  readonly input: GenerateInput;
  /** Sends to the machine as the real actor would (llm.sentence, llm.done, llm.failed). */
  readonly sendBack: (event: DialogueEvent) => void;
  cancelled: boolean;
}

export interface FakeUtterance {
  readonly input: SayInput;
  readonly signal: AbortSignal;
  finish(output?: Partial<SayOutput>): void;
  fail(error: Error): void;
}

/** Records every generate and say the machine starts, and lets the test finish them. */
export class FakeEffects {
  readonly generations: FakeGeneration[] = [];
  readonly utterances: FakeUtterance[] = [];

  readonly generate = fromCallback<EventObject, GenerateInput>(({ input, sendBack, receive }) => {
    const generation: FakeGeneration = { input, sendBack, cancelled: false };
    this.generations.push(generation);
    // The actor itself crashes (not an llm.failed): the machine gets xstate.error.actor.generate.
    receive((event) => {
      if (event.type === CRASH_GENERATION) throw new Error('llm crashed');
    });
    return () => {
      generation.cancelled = true;
    };
  });

  readonly say = fromPromise<SayOutput, SayInput>(
    ({ input, signal }) =>
      new Promise<SayOutput>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('cancelled')));
        this.utterances.push({
          input,
          signal,
          finish: (output) =>
            resolve({
              audioPath: `/tmp/${input.utteranceId}.wav`,
              groupAudioPath: `/tmp/${input.groupId}.wav`,
              durationMs: 500,
              wordsSpoken: input.text.split(' ').length,
              cancelled: false,
              ...output,
            }),
          fail: reject,
        });
      }),
  );

  get lastGeneration(): FakeGeneration {
    const generation = this.generations.at(-1);
    if (generation === undefined) throw new Error('no generate goal was started');
    return generation;
  }

  get lastUtterance(): FakeUtterance {
    const utterance = this.utterances.at(-1);
    if (utterance === undefined) throw new Error('no say goal was started');
    return utterance;
  }
}

/** Lets promise callbacks (fake say results) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A started dialogue actor on fake effects and a simulated clock, with what it emitted. */
export function startDialogue(input: DialogueInput = {}) {
  const effects = new FakeEffects();
  const clock = new SimulatedClock();
  const machine = dialogueMachine.provide({
    actors: { generate: effects.generate, say: effects.say },
  });
  const actor = createActor(machine, {
    clock,
    systemId: DIALOGUE_SYSTEM_ID,
    input: { now: () => clock.now(), createSessionId: () => 'sess', ...input },
  });
  const states: Extract<DialogueEmitted, { type: 'state.changed' }>[] = [];
  // Replies to the person; robot-initiated speech (greeting, check-in...) has records of its own.
  const turns: TurnSummary[] = [];
  const robotTurns: TurnSummary[] = [];
  actor.on('state.changed', (event) => states.push(event));
  actor.on('turn.ended', (event) =>
    (event.turn.kind === 'reply' ? turns : robotTurns).push(event.turn),
  );
  actor.start();
  const publicState = () => actor.getSnapshot().context.state;
  const turnsSoFar = () => turns.length;
  return { actor, clock, effects, states, turns, robotTurns, publicState, turnsSoFar };
}
