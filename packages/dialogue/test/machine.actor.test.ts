import { describe, expect, it } from '@jest/globals';
import type { DialogueEvent } from '../src/index.js';
import { settle, startDialogue } from './support/fakeActors.js';

const sentence = (text: string, index: number): DialogueEvent => ({
  type: 'llm.sentence',
  sentence: text,
  index,
  strategy: index === 0 ? 'Reflection of feelings' : '',
  firstTokenMs: 0,
});

describe('dialogue machine with fake actors and a simulated clock', () => {
  it('runs a streamed turn: sentences said one by one in order, then followUp, then asleep', async () => {
    const { actor, clock, effects, states, turns, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    clock.increment(1200);
    actor.send({ type: 'speech.final', text: 'I had a hard day' });
    expect(effects.lastGeneration.input).toEqual({
      sessionId: 'sess',
      userText: 'I had a hard day',
      instruction: '',
      previousReply: null,
      riskLevel: 'none',
      // A first try, not the careful re-ask after a late classifier raise.
      reasked: false,
    });

    clock.increment(300);
    effects.lastGeneration.sendBack(sentence('That sounds hard.', 0));
    effects.lastGeneration.sendBack(sentence('Do you want to talk about it?', 1));
    expect(publicState()).toBe('speaking');
    expect(effects.utterances.map((u) => u.input.text)).toEqual(['That sounds hard.']);

    actor.send({ type: 'tts.started', utteranceId: 'sess-1-0' });
    clock.increment(500);
    effects.lastUtterance.finish();
    await settle();
    expect(effects.utterances.map((u) => u.input.utteranceId)).toEqual(['sess-1-0', 'sess-1-1']);

    actor.send({ type: 'gesture.performed', name: 'nod' });
    effects.lastGeneration.sendBack({
      type: 'llm.done',
      reply: 'That sounds hard. Do you want to talk about it?',
      strategy: '',
      fallback: false,
    });
    clock.increment(700);
    effects.lastUtterance.finish();
    await settle();

    expect(publicState()).toBe('followUp');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      sessionId: 'sess',
      turnIndex: 1,
      userText: 'I had a hard day',
      replyText: 'That sounds hard. Do you want to talk about it?',
      strategy: 'Reflection of feelings',
      gestures: ['nod'],
      audioPath: '/tmp/sess-1.wav',
      outcome: 'spoken',
      interrupted: false,
      kind: 'reply',
      durations: {
        llmFirstTokenMs: 300,
        llmTotalMs: 800,
        ttsFirstAudioMs: 300,
        turnTotalMs: 1500,
        // The wake came 1200 ms before the person's speech ended.
        wakeToSpeechEndMs: 1200,
      },
    });

    clock.increment(7999);
    expect(publicState()).toBe('followUp');
    clock.increment(1);
    expect(publicState()).toBe('asleep');
    expect(states.map((s) => s.state)).toEqual([
      'asleep',
      'listening',
      'thinking',
      'speaking',
      'followUp',
      'asleep',
    ]);
    expect(states.at(-1)?.event).toBe('timeout.followUpWindow');
    actor.stop();
  });

  it('waits while speech has caught up with generation', async () => {
    const { actor, effects, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'hello' });
    effects.lastGeneration.sendBack(sentence('Hi.', 0));
    effects.lastUtterance.finish();
    await settle();
    expect(actor.getSnapshot().value).toEqual({ responding: { speaking: 'waiting' } });
    effects.lastGeneration.sendBack(sentence('Nice to hear you.', 1));
    expect(effects.lastUtterance.input.text).toBe('Nice to hear you.');
    effects.lastGeneration.sendBack({
      type: 'llm.done',
      reply: 'Hi. Nice to hear you.',
      strategy: '',
      fallback: false,
    });
    effects.lastUtterance.finish();
    await settle();
    expect(publicState()).toBe('followUp');
    actor.stop();
  });

  it('re-prompts once when nobody speaks after the wake word, then goes back to sleep', async () => {
    const { actor, clock, effects, states, publicState } = startDialogue({
      config: { noSpeechTimeoutMs: 3000 },
    });
    actor.send({ type: 'wake.detected' });
    clock.increment(2999);
    expect(publicState()).toBe('listening');
    clock.increment(1);
    expect(publicState()).toBe('speaking');
    expect(effects.lastUtterance.input).toMatchObject({
      utteranceId: 'sess-rePrompt-1',
      text: expect.stringMatching(/take your time/i),
      groupId: '',
    });
    effects.lastUtterance.finish();
    await settle();
    expect(publicState()).toBe('listening');
    clock.increment(3000);
    expect(publicState()).toBe('asleep');
    expect(states.map((s) => s.state)).toEqual([
      'asleep',
      'listening',
      'speaking',
      'listening',
      'asleep',
    ]);
    actor.stop();
  });

  it('barge-in while speaking cancels generation and speech and listens, recording the interrupted turn', async () => {
    const { actor, effects, turns, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'tell me a story' });
    effects.lastGeneration.sendBack(sentence('Once upon a time.', 0));
    effects.lastGeneration.sendBack(sentence('There was a robot.', 1));
    actor.send({ type: 'wake.detected', bargeIn: true });
    await settle();
    expect(publicState()).toBe('listening');
    expect(effects.lastGeneration.cancelled).toBe(true);
    expect(effects.lastUtterance.signal.aborted).toBe(true);
    expect(effects.utterances).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      outcome: 'interrupted',
      interrupted: true,
      replyText: 'Once upon a time.',
      states: ['asleep', 'listening', 'thinking', 'speaking', 'listening'],
    });
    actor.stop();
  });

  it('barge-in while thinking cancels generation', () => {
    const { actor, effects, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'hello' });
    actor.send({ type: 'user.bargeIn' });
    expect(publicState()).toBe('listening');
    expect(effects.lastGeneration.cancelled).toBe(true);
    actor.stop();
  });

  it('a tts failure says the apology and listens again; the turn is flagged as fallback', async () => {
    const { actor, effects, turns, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'hello' });
    effects.lastGeneration.sendBack(sentence('Hi.', 0));
    effects.lastUtterance.fail(new Error('espeak-ng crashed'));
    await settle();
    expect(publicState()).toBe('recovering');
    expect(effects.lastGeneration.cancelled).toBe(true);
    expect(effects.lastUtterance.input.text).toMatch(/sorry/i);
    effects.lastUtterance.finish();
    await settle();
    expect(publicState()).toBe('listening');
    expect(turns[0]).toMatchObject({
      outcome: 'failed',
      fallback: true,
      failure: 'espeak-ng crashed',
    });
    actor.stop();
  });

  it('never stays stuck in recovering when the apology itself hangs', () => {
    const { actor, clock, effects, publicState } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'hello' });
    effects.lastGeneration.sendBack({ type: 'llm.failed', reason: 'model not loaded' });
    expect(publicState()).toBe('recovering');
    clock.increment(15000);
    expect(publicState()).toBe('listening');
    expect(effects.lastUtterance.signal.aborted).toBe(true);
    actor.stop();
  });

  it('stopping the actor cancels what is in flight', () => {
    const { actor, effects } = startDialogue();
    actor.send({ type: 'wake.detected' });
    actor.send({ type: 'speech.final', text: 'hello' });
    effects.lastGeneration.sendBack(sentence('Hi.', 0));
    actor.stop();
    expect(effects.lastGeneration.cancelled).toBe(true);
    expect(effects.lastUtterance.signal.aborted).toBe(true);
  });
});
