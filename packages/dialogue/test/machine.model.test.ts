import { describe, expect, it } from '@jest/globals';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import type { ActorLogic, EventObject, SnapshotFrom } from 'xstate';
import { dialogueMachine, type DialogueInput } from '../src/index.js';
import { FakeEffects, settle, startDialogue } from './support/fakeActors.js';

/**
 * Model-based tests: @xstate/graph explores every state the machine can reach under every event
 * (including its timers and its actors' results), then each shortest path is replayed on a live
 * actor with fake effects and a simulated clock.
 */
type Snapshot = SnapshotFrom<typeof dialogueMachine>;
type ModelEvent = EventObject & Record<string, unknown>;

const input: DialogueInput = { now: () => 0, createSessionId: () => 'sess' };
const machine = dialogueMachine.provide({
  actors: { generate: new FakeEffects().generate, say: new FakeEffects().say },
});
// @xstate/graph types its logic loosely; the machine's emitted-event types do not fit its generics.
const model = machine as unknown as ActorLogic<Snapshot, ModelEvent, DialogueInput>;

const allNodes = getStateNodes(dialogueMachine.root);
const timerEvents: ModelEvent[] = allNodes.flatMap((node) =>
  node.after.map((t) => ({ type: t.eventType })),
);

const events: ModelEvent[] = [
  { type: 'wake.detected' },
  { type: 'speech.final', text: 'hello' },
  { type: 'speech.final', text: '' },
  { type: 'llm.sentence', sentence: 'Hi.', index: 0, strategy: '', firstTokenMs: 5 },
  { type: 'llm.done', reply: 'Hi.', strategy: '', fallback: false },
  { type: 'llm.done', reply: '', strategy: '', fallback: false },
  { type: 'llm.failed', reason: 'model crashed' },
  { type: 'tts.started', utteranceId: 'u' },
  { type: 'tts.finished', utteranceId: 'u', audioPath: '/a.wav', wordsSpoken: 1 },
  { type: 'tts.failed', utteranceId: 'u', reason: 'espeak-ng crashed' },
  { type: 'user.bargeIn' },
  { type: 'caregiver.pause' },
  { type: 'caregiver.resume' },
  { type: 'session.end', reason: 'goodbye' },
  { type: 'gesture.performed', name: 'nod' },
  { type: 'config.changed', config: { bargeInEnabled: false } },
  ...timerEvents,
  {
    type: 'xstate.done.actor.say',
    output: {
      audioPath: '/u.wav',
      groupAudioPath: '/g.wav',
      durationMs: 1,
      wordsSpoken: 1,
      cancelled: false,
    },
  },
  { type: 'xstate.error.actor.say', error: new Error('tts crashed') },
  { type: 'xstate.error.actor.generate', error: new Error('llm crashed') },
];

// What matters for behaviour; counters and texts are left out so the state space stays finite.
function serializeState(snapshot: Snapshot): string {
  const { context } = snapshot;
  return JSON.stringify([
    snapshot.value,
    context.turn.pending.length > 0,
    context.turn.current !== null,
    context.turn.generationDone,
    context.sessionId !== '',
    context.config.bargeInEnabled,
  ]);
}

const traversal = {
  input,
  events: events as never[],
  serializeState: serializeState as never,
  serializeEvent: ((event: EventObject) => JSON.stringify(event)) as never,
};

const adjacency = getAdjacencyMap(model, traversal);
const vertices = Object.entries(adjacency) as [
  string,
  { state: Snapshot; transitions: Record<string, { event: ModelEvent; state: Snapshot }> },
][];

describe('dialogue machine, model-based', () => {
  it('reaches every state of the machine', () => {
    const reached = new Set(vertices.flatMap(([, v]) => [...v.state._nodes].map((n) => n.id)));
    // A transient state (one with an unguarded `always`) is passed through, never rested in.
    const stable = allNodes.filter((n) => !n.always?.some((t) => t.guard === undefined));
    const unreached = stable.map((n) => n.id).filter((id) => !reached.has(id));
    expect(unreached).toEqual([]);
  });

  it('takes every transition the machine defines', () => {
    const defined = allNodes.flatMap((node) =>
      [...node.transitions.entries()].flatMap(([eventType, list]) =>
        list.map((t, i) => `${node.id} ${eventType} #${i}`),
      ),
    );
    const taken = new Set<string>();
    for (const [, vertex] of vertices) {
      for (const { event } of Object.values(vertex.transitions)) {
        for (const t of machine.getTransitionData(vertex.state, event as never)) {
          const list = t.source.transitions.get(t.eventType) ?? [];
          taken.add(`${t.source.id} ${t.eventType} #${list.indexOf(t)}`);
        }
      }
    }
    expect(defined.length).toBeGreaterThan(30);
    expect(defined.filter((d) => !taken.has(d))).toEqual([]);
  });

  it('has a way back to asleep or listening from every reachable state', () => {
    const back = new Set(
      vertices
        .filter(([, v]) => v.state.matches('asleep') || v.state.matches('listening'))
        .map(([key]) => key),
    );
    let grew = true;
    while (grew) {
      grew = false;
      for (const [key, vertex] of vertices) {
        if (back.has(key)) continue;
        if (Object.values(vertex.transitions).some((t) => back.has(serializeState(t.state)))) {
          back.add(key);
          grew = true;
        }
      }
    }
    expect(vertices.filter(([key]) => !back.has(key)).map(([key]) => key)).toEqual([]);
  });

  it('behaves like the model on a live actor along the shortest path to every state', async () => {
    const paths = getShortestPaths(model, traversal).filter(
      // A callback actor's crash cannot be triggered from outside; the pure checks above cover it.
      (path) =>
        !path.steps.some(
          (step) => (step.event as EventObject).type === 'xstate.error.actor.generate',
        ),
    );
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const live = startDialogue();
      for (const step of path.steps) {
        const event = step.event as ModelEvent;
        if (event.type.startsWith('xstate.after.')) {
          const delay = event.type.split('.')[2] as
            'followUpWindow' | 'noSpeechTimeout' | 'recoveryTimeout';
          const config = live.actor.getSnapshot().context.config;
          const ms = {
            followUpWindow: config.followUpWindowMs,
            noSpeechTimeout: config.noSpeechTimeoutMs,
            recoveryTimeout: config.recoveryTimeoutMs,
          }[delay];
          live.clock.increment(ms);
        } else if (event.type === 'xstate.done.actor.say') {
          live.effects.lastUtterance.finish();
          await settle();
        } else if (event.type === 'xstate.error.actor.say') {
          live.effects.lastUtterance.fail(new Error('tts crashed'));
          await settle();
        } else {
          live.actor.send(event as never);
        }
        expect({
          path: path.steps.map((s) => (s.event as EventObject).type),
          value: live.actor.getSnapshot().value,
        }).toEqual({
          path: path.steps.map((s) => (s.event as EventObject).type),
          value: step.state.value,
        });
      }
      live.actor.stop();
    }
  });
});
