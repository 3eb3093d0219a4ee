import { describe, expect, it } from '@jest/globals';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import type { ActorLogic, EventObject, SnapshotFrom } from 'xstate';
import { dialogueMachine, type DialogueConfig, type DialogueInput } from '../src/index.js';
import { FakeEffects, settle, startDialogue } from './support/fakeActors.js';

/**
 * Model-based tests: @xstate/graph explores every state the machine can reach under every event
 * (including its timers and its actors' results), then each shortest path is replayed on a live
 * actor with fake effects and a simulated clock.
 */
type Snapshot = SnapshotFrom<typeof dialogueMachine>;
type ModelEvent = EventObject & Record<string, unknown>;

// Every optional behaviour on (a greeting, check-ins), so each of its transitions can be taken.
const config: Partial<DialogueConfig> = { greeting: 'Hello!', checkInAfterMs: 120000 };
const input: DialogueInput = { now: () => 0, createSessionId: () => 'sess', config };
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
  { type: 'speech.final', text: 'mm-hm' },
  { type: 'speech.final', text: 'okay, goodbye' },
  { type: 'speech.partial', text: 'I went to the shop and' },
  { type: 'llm.sentence', sentence: 'Hi.', index: 0, strategy: '', firstTokenMs: 5 },
  { type: 'llm.done', reply: 'Hi.', strategy: '', fallback: false },
  { type: 'llm.done', reply: '', strategy: '', fallback: false },
  { type: 'llm.failed', reason: 'model crashed' },
  { type: 'tts.started', utteranceId: 'u' },
  { type: 'tts.finished', utteranceId: 'u', audioPath: '/a.wav', wordsSpoken: 1 },
  { type: 'tts.failed', utteranceId: 'u', reason: 'espeak-ng crashed' },
  { type: 'user.bargeIn' },
  { type: 'voice.started', at: 0 },
  { type: 'voice.ended', at: 0 },
  { type: 'voice.sustained' },
  { type: 'caregiver.pause' },
  { type: 'caregiver.resume' },
  { type: 'caregiver.say', text: 'Your daughter will call at six.' },
  { type: 'caregiver.ackAlert', alertId: 'a1' },
  { type: 'safety.crisis', reason: 'test' },
  // Screened crises with alert ids: a second open alert keeps the robot in crisis after one ack.
  {
    type: 'safety.crisis',
    reason: 'screen',
    userText: 'I want to die',
    message: 'Help.',
    alertId: 'a1',
  },
  { type: 'safety.crisis', reason: 'screen', alertId: 'a2' },
  { type: 'session.end', reason: 'goodbye' },
  { type: 'gesture.performed', name: 'nod' },
  { type: 'affect.estimated', sessionId: 'sess', emotion: 'sadness', intensity: 0.5 },
  { type: 'config.changed', config: { bargeInEnabled: false } },
  { type: 'config.changed', config: { bargeInOnSpeech: true } },
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

// What matters for behaviour; counters and texts are left out so the state space stays finite
// (and the voice's end, which only dates the next turn's end of speech: no guard reads it).
function serializeState(snapshot: Snapshot): string {
  const { context } = snapshot;
  return JSON.stringify([
    snapshot.value,
    context.turn.pending.length > 0,
    context.turn.current !== null,
    context.turn.generationDone,
    context.sessionId !== '',
    context.config.bargeInEnabled,
    context.config.bargeInOnSpeech,
    context.partial !== '',
    context.rePrompted,
    context.checkedIn,
    context.sayQueue.length > 0,
    context.announcement?.next ?? null,
    context.turn.farewell,
    context.openAlerts.length,
    context.turn.userText !== '',
    context.heldSpeech !== null,
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

/** The delay a named timer waits for, from the config (as the machine's `delays` compute it). */
function delayMs(name: string, c: DialogueConfig): number {
  const delays: Record<string, number> = {
    followUpWindow: c.followUpWindowMs,
    noSpeechTimeout: c.noSpeechTimeoutMs,
    recoveryTimeout: c.recoveryTimeoutMs,
    endOfTurnSilence: c.endOfTurnSilenceMidSentenceMs,
    maxListening: c.maxListeningMs,
    sessionTimeout: c.sessionTimeoutMs,
    checkInAfter: c.checkInAfterMs,
  };
  const ms = delays[name];
  if (ms === undefined) throw new Error(`the model test does not know the delay "${name}"`);
  return ms;
}

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

  it('never gets stuck: from every state but crisis and paused, timers and actor results alone lead back', () => {
    const isTimerOrResult = (event: ModelEvent): boolean =>
      event.type.startsWith('xstate.after.') ||
      event.type.startsWith('xstate.done.actor.') ||
      event.type.startsWith('xstate.error.actor.') ||
      event.type === 'llm.done' ||
      event.type === 'llm.failed';
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
        const leads = Object.values(vertex.transitions).some(
          (t) => isTimerOrResult(t.event) && back.has(serializeState(t.state)),
        );
        if (leads) {
          back.add(key);
          grew = true;
        }
      }
    }
    const stuck = vertices
      .filter(
        ([key, v]) => !back.has(key) && !v.state.matches('crisis') && !v.state.matches('paused'),
      )
      .map(([key]) => key);
    expect(stuck).toEqual([]);
  });

  it('behaves like the model on a live actor along the shortest path to every state', async () => {
    const paths = getShortestPaths(model, traversal).filter(
      // A callback actor's crash cannot be triggered from outside; the pure checks above cover it.
      (path) =>
        !path.steps.some(
          (step) => (step.event as EventObject).type === 'xstate.error.actor.generate',
        ),
    );
    // One path per (state, event that led there): every state entered every way, in seconds.
    const chosen = new Map<string, (typeof paths)[number]>();
    for (const path of paths) {
      const last = path.steps.at(-1);
      const key = JSON.stringify([
        path.state.value,
        (last?.event as EventObject | undefined)?.type,
      ]);
      const known = chosen.get(key);
      if (known === undefined || known.steps.length > path.steps.length) chosen.set(key, path);
    }
    expect(chosen.size).toBeGreaterThan(30);
    for (const path of chosen.values()) {
      const live = startDialogue({ config });
      for (const step of path.steps) {
        const event = step.event as ModelEvent;
        if (event.type.startsWith('xstate.after.')) {
          // Fire the timer on the simulated clock when it is the first due; a later one (say
          // max_listening_ms behind the no-speech timeout) is delivered as its event instead.
          const snapshot = live.actor.getSnapshot();
          const delayOf = (type: string): number =>
            delayMs(type.split('.')[2] ?? '', snapshot.context.config);
          const due = [...snapshot._nodes].flatMap((node) => node.after.map((t) => t.eventType));
          const ms = delayOf(event.type);
          const first = due.every((type) => type === event.type || delayOf(type) > ms);
          if (first) live.clock.increment(ms);
          else live.actor.send(event as never);
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
