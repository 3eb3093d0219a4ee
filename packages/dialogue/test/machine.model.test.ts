import { describe, expect, it } from '@jest/globals';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import {
  createEmptyActor,
  type ActorLogic,
  type ActorScope,
  type EventObject,
  type InspectionEvent,
  type MachineContext,
  type SnapshotFrom,
  type TransitionDefinition,
} from 'xstate';
import { dialogueMachine, type DialogueConfig, type DialogueInput } from '../src/index.js';
import { CRASH_GENERATION, FakeEffects, settle, startDialogue } from './support/fakeActors.js';

/**
 * Model-based tests: @xstate/graph explores every state the machine can reach under every event
 * (including its timers and its actors' results and failures), then each shortest path is
 * replayed on a live actor with fake effects and a simulated clock. Every transition counts,
 * eventless (`always`) ones included: they are read from the machine's own microsteps.
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
  // A classifier's late raise of the words being answered: asked again while thinking.
  {
    type: 'safety.raised',
    text: 'hello',
    risk: { level: 'moderate', category: 'self_harm', rules: ['classifier:moderate'] },
  },
  // The person speaks again in a crisis: a fixed stay line, at most once per interval.
  {
    type: 'safety.stay',
    userText: 'are you there',
    message: 'I am still here.',
    risk: { level: 'none', category: null, rules: [] },
  },
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
    context.crisisStayAt !== null,
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

/** An actor's failure, a failure reported by the llm or tts, or a safety timeout giving up on one. */
function isFailure(event: EventObject): boolean {
  return (
    event.type.startsWith('xstate.error.actor.') ||
    event.type === 'llm.failed' ||
    event.type === 'tts.failed' ||
    event.type.startsWith('xstate.after.respondingTimeout.') ||
    event.type.startsWith('xstate.after.recoveryTimeout.')
  );
}

/** The transitions the machine takes on `event` from `snapshot`, eventless ones included (from its microsteps). */
function transitionsTaken(
  snapshot: Snapshot,
  event: ModelEvent,
): TransitionDefinition<MachineContext, EventObject>[] {
  const taken: TransitionDefinition<MachineContext, EventObject>[] = [];
  const self = createEmptyActor();
  const system = Object.assign(self.system, {
    _sendInspectionEvent: (inspection: InspectionEvent) => {
      if (inspection.type === '@xstate.microstep')
        taken.push(
          ...(inspection._transitions as TransitionDefinition<MachineContext, EventObject>[]),
        );
    },
  });
  const scope = {
    self,
    system,
    id: '',
    sessionId: '',
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    stopChild: () => undefined,
    actionExecutor: () => undefined,
  } as unknown as ActorScope<Snapshot, ModelEvent>;
  machine.transition(snapshot, event as never, scope as never);
  return taken;
}

/** The delay a named timer waits for, from the config (as the machine's `delays` compute it). */
function delayMs(name: string, c: DialogueConfig): number {
  const delays: Record<string, number> = {
    followUpWindow: c.followUpWindowMs,
    noSpeechTimeout: c.noSpeechTimeoutMs,
    recoveryTimeout: c.recoveryTimeoutMs,
    respondingTimeout: c.respondingTimeoutMs,
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

  it('takes every transition the machine defines, eventless (always) ones included', () => {
    const defined = allNodes.flatMap((node) => [
      ...[...node.transitions.entries()].flatMap(([eventType, list]) =>
        list.map((t, i) => `${node.id} ${eventType} #${i}`),
      ),
      // StateNode.transitions leaves out `always`: the farewell, the end of a reply, a queued say...
      ...(node.always ?? []).map((t, i) => `${node.id} always #${i}`),
    ]);
    const taken = new Set<string>();
    for (const [, vertex] of vertices) {
      if (defined.every((d) => taken.has(d))) break;
      for (const { event } of Object.values(vertex.transitions)) {
        // No transition on the event: the machine does not move, nor look at its eventless ones.
        if (machine.getTransitionData(vertex.state, event as never).length === 0) continue;
        for (const t of transitionsTaken(vertex.state, event)) {
          const list =
            (t.eventType === '' ? t.source.always : t.source.transitions.get(t.eventType)) ?? [];
          taken.add(
            `${t.source.id} ${t.eventType === '' ? 'always' : t.eventType} #${list.indexOf(t)}`,
          );
        }
      }
    }
    expect(defined.filter((d) => d.includes(' always #')).length).toBeGreaterThan(8);
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

  it('never gets stuck: from every state but crisis and paused, timers alone lead back (an llm or tts that never answers)', () => {
    const isTimerOrResult = (event: ModelEvent): boolean => event.type.startsWith('xstate.after.');
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
    const paths = getShortestPaths(model, traversal);
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
    // Failures are walked too, not only successes: from every state where the generate or say
    // actor may fail (or the llm or tts report a failure, or nobody answers in time), the
    // shortest path there, then the failure.
    const shortest = new Map(paths.map((path) => [serializeState(path.state), path]));
    const failing = new Map<string, (typeof paths)[number]>();
    for (const [key, vertex] of vertices) {
      const prefix = shortest.get(key);
      if (prefix === undefined) continue;
      for (const { event, state } of Object.values(vertex.transitions)) {
        if (!isFailure(event) || serializeState(state) === key) continue;
        const failKey = JSON.stringify([vertex.state.value, event.type]);
        const known = failing.get(failKey);
        if (known !== undefined && known.steps.length <= prefix.steps.length + 1) continue;
        failing.set(failKey, { ...prefix, state, steps: [...prefix.steps, { event, state }] });
      }
    }
    const failed = new Set([...failing.values()].map((p) => p.steps.at(-1)?.event.type));
    expect(failed).toEqual(
      new Set([
        'xstate.error.actor.generate',
        'xstate.error.actor.say',
        'llm.failed',
        'tts.failed',
        'xstate.after.respondingTimeout.dialogue.responding.thinking',
        'xstate.after.respondingTimeout.dialogue.responding.speaking.saying',
        'xstate.after.respondingTimeout.dialogue.responding.speaking.waiting',
        'xstate.after.recoveryTimeout.dialogue.recovering',
        'xstate.after.recoveryTimeout.dialogue.announcing',
      ]),
    );
    for (const path of [...chosen.values(), ...failing.values()]) {
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
        } else if (event.type === 'xstate.error.actor.generate') {
          // The fake generate actor crashes when told to: the machine sees the actor's error.
          live.actor.getSnapshot().children['generate']?.send({ type: CRASH_GENERATION });
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
