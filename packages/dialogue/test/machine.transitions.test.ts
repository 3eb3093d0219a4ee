import { describe, expect, it } from '@jest/globals';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { dialogueMachine, type DialogueEvent } from '../src/index.js';

type Snapshot = SnapshotFrom<typeof dialogueMachine>;
/** The part of xstate's executable action objects these tests read. */
interface Action {
  readonly type: string;
  readonly params?: unknown;
}

/** Pure transitions: no actor runs, effects come back as action objects. */
function run(events: DialogueEvent[], now = () => 1000) {
  let [snapshot] = initialTransition(dialogueMachine, { now, createSessionId: () => 'sess' });
  let actions: Action[] = [];
  for (const event of events) [snapshot, actions] = transition(dialogueMachine, snapshot, event);
  return { snapshot: snapshot as Snapshot, actions };
}

const sentence = (text: string, index = 0): DialogueEvent => ({
  type: 'llm.sentence',
  sentence: text,
  index,
  strategy: '',
  firstTokenMs: 0,
});

describe('dialogue machine transitions', () => {
  it('starts asleep with no session', () => {
    const [snapshot, actions] = initialTransition(dialogueMachine, {});
    expect(snapshot.value).toBe('asleep');
    expect(snapshot.context.sessionId).toBe('');
    expect((actions as Action[]).some((a) => a.type === 'xstate.emit')).toBe(true);
  });

  it('opens a session on the first wake and listens', () => {
    const { snapshot } = run([{ type: 'wake.detected' }]);
    expect(snapshot.value).toEqual({ listening: 'waiting' });
    expect(snapshot.context.sessionId).toBe('sess');
    expect(snapshot.context.turn.timings.wakeAt).toBe(1000);
  });

  it('ignores an empty final transcript', () => {
    const { snapshot } = run([{ type: 'wake.detected' }, { type: 'speech.final', text: '  ' }]);
    expect(snapshot.value).toEqual({ listening: 'waiting' });
  });

  it('thinks on a final transcript and starts the generate actor with the turn', () => {
    const { snapshot, actions } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: ' I feel lonely ' },
    ]);
    expect(snapshot.value).toEqual({ responding: 'thinking' });
    expect(snapshot.context.turnIndex).toBe(1);
    const spawn = actions.find((a) => a.type === 'xstate.spawnChild');
    expect(spawn?.params).toMatchObject({
      src: 'generate',
      input: { sessionId: 'sess', userText: 'I feel lonely' },
    });
  });

  it('speaks the first sentence while generation goes on, queueing the rest', () => {
    const { snapshot, actions } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      sentence('Hello there.'),
    ]);
    expect(snapshot.value).toEqual({ responding: { speaking: 'saying' } });
    expect(actions.find((a) => a.type === 'xstate.spawnChild')?.params).toMatchObject({
      src: 'say',
      input: { utteranceId: 'sess-1-0', text: 'Hello there.', groupId: 'sess-1' },
    });
    const next = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      sentence('Hello there.'),
      sentence('How are you?', 1),
    ]);
    expect(next.snapshot.context.turn.pending).toEqual(['How are you?']);
    expect(next.snapshot.context.turn.current).toBe('Hello there.');
  });

  it('goes to followUp once generation is done and every sentence is said', () => {
    const { snapshot, actions } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      sentence('Hello there.'),
      { type: 'llm.done', reply: 'Hello there.', strategy: 'Question', fallback: false },
      { type: 'tts.finished', utteranceId: 'sess-1-0', audioPath: '/a.wav', wordsSpoken: 2 },
    ]);
    expect(snapshot.value).toBe('followUp');
    const turn = actions.find(
      (a) => a.type === 'xstate.emit' && JSON.stringify(a.params).includes('turn.ended'),
    );
    expect(turn?.params).toMatchObject({
      event: {
        turn: {
          outcome: 'spoken',
          replyText: 'Hello there.',
          strategy: 'Question',
          audioPath: '/a.wav',
          states: ['asleep', 'listening', 'thinking', 'speaking', 'followUp'],
        },
      },
    });
  });

  it('speaks a reply that was not streamed as one utterance', () => {
    const { snapshot } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      { type: 'llm.done', reply: 'Whole reply.', strategy: '', fallback: false },
    ]);
    expect(snapshot.value).toEqual({ responding: { speaking: 'saying' } });
    expect(snapshot.context.turn.current).toBe('Whole reply.');
  });

  it('recovers with an apology when the llm returns nothing or fails', () => {
    for (const failure of [
      { type: 'llm.done', reply: '', strategy: '', fallback: false },
      { type: 'llm.failed', reason: 'model crashed' },
    ] as DialogueEvent[]) {
      const { snapshot, actions } = run([
        { type: 'wake.detected' },
        { type: 'speech.final', text: 'hi' },
        failure,
      ]);
      expect(snapshot.value).toBe('recovering');
      expect(snapshot.context.turn.fallback).toBe(true);
      expect(actions.find((a) => a.type === 'xstate.spawnChild')?.params).toMatchObject({
        src: 'say',
        input: { text: snapshot.context.config.apology },
      });
    }
  });

  it('returns to listening after the apology, even when the tts fails too', () => {
    const base: DialogueEvent[] = [
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      { type: 'llm.failed', reason: 'x' },
    ];
    expect(
      run([
        ...base,
        { type: 'tts.finished', utteranceId: 'sess-1-0', audioPath: '', wordsSpoken: 3 },
      ]).snapshot.value,
    ).toEqual({ listening: 'waiting' });
    expect(
      run([...base, { type: 'tts.failed', utteranceId: 'sess-1-0', reason: 'no espeak' }]).snapshot
        .value,
    ).toEqual({ listening: 'waiting' });
  });

  it('barges in on a wake word while speaking, and not when barge-in is disabled', () => {
    const speaking: DialogueEvent[] = [
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      sentence('Hello.'),
    ];
    const { snapshot, actions } = run([...speaking, { type: 'wake.detected' }]);
    expect(snapshot.value).toEqual({ listening: 'waiting' });
    // Leaving `responding` stops both the generate and the say actor.
    expect(actions.filter((a) => a.type === 'xstate.stopChild')).toHaveLength(2);
    const disabled = run([
      { type: 'config.changed', config: { bargeInEnabled: false } },
      ...speaking,
      { type: 'user.bargeIn' },
    ]);
    expect(disabled.snapshot.value).toEqual({ responding: { speaking: 'saying' } });
  });

  it('pauses from anywhere on a caregiver command and resumes asleep', () => {
    const { snapshot } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      { type: 'caregiver.pause' },
    ]);
    expect(snapshot.value).toBe('paused');
    expect(run([{ type: 'caregiver.pause' }, { type: 'wake.detected' }]).snapshot.value).toBe(
      'paused',
    );
    expect(run([{ type: 'caregiver.pause' }, { type: 'caregiver.resume' }]).snapshot.value).toBe(
      'asleep',
    );
  });

  it('ends the session on session.end', () => {
    const { snapshot } = run([
      { type: 'wake.detected' },
      { type: 'session.end', reason: 'goodbye' },
    ]);
    expect(snapshot.value).toBe('asleep');
    expect(snapshot.context.sessionId).toBe('');
  });

  it('takes a follow-up answer without the wake word as the next turn', () => {
    const { snapshot } = run([
      { type: 'wake.detected' },
      { type: 'speech.final', text: 'hi' },
      { type: 'llm.done', reply: 'Hello.', strategy: '', fallback: false },
      { type: 'tts.finished', utteranceId: 'sess-1-0', audioPath: '', wordsSpoken: 1 },
      { type: 'speech.final', text: 'and you?' },
    ]);
    expect(snapshot.value).toEqual({ responding: 'thinking' });
    expect(snapshot.context.turnIndex).toBe(2);
    expect(snapshot.context.sessionId).toBe('sess');
  });
});
