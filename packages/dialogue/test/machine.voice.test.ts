/**
 * The person's voice (audio_in's VoiceActivity, as the node passes it on): it dates the end of
 * speech, so the recognizer's delay is a stage of its own, and with barge_in_on_speech a voice
 * that outlasts a backchannel interrupts the robot.
 */
import { describe, expect, it } from '@jest/globals';
import type { DialogueEvent } from '../src/index.js';
import { settle, startDialogue } from './support/fakeActors.js';

const sentence = (text: string): DialogueEvent => ({
  type: 'llm.sentence',
  sentence: text,
  index: 0,
  strategy: '',
  firstTokenMs: 0,
});
const done = (reply: string): DialogueEvent => ({
  type: 'llm.done',
  reply,
  strategy: '',
  fallback: false,
});

/** Wakes the robot at `wakeAt` (clock ms). */
function wokenAt(s: ReturnType<typeof startDialogue>, wakeAt: number): void {
  s.clock.set(wakeAt);
  s.actor.send({ type: 'wake.detected' });
}

describe('the end of speech from voice activity', () => {
  it('dates the turn from the voice end and gives the transcript delay as its own stage', async () => {
    const s = startDialogue();
    wokenAt(s, 1000);
    s.clock.set(1500);
    s.actor.send({ type: 'voice.started', at: 1500 });
    s.clock.set(3400);
    s.actor.send({ type: 'voice.ended', at: 3000 });
    // The recognizer's final comes 700 ms after the voice ended.
    s.clock.set(3700);
    s.actor.send({ type: 'speech.final', text: 'I could not sleep' });
    s.clock.set(3900);
    s.effects.lastGeneration.sendBack(sentence('That sounds hard.'));
    s.clock.set(4000);
    s.actor.send({ type: 'tts.started', utteranceId: 'sess-1-0' });
    s.effects.lastGeneration.sendBack(done('That sounds hard.'));
    s.clock.set(4500);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.turns[0]?.durations).toEqual({
      wakeToSpeechEndMs: 2000,
      transcriptDelayMs: 700,
      llmFirstTokenMs: 900,
      llmTotalMs: 1000,
      ttsFirstAudioMs: 1000,
      turnTotalMs: 1500,
    });
  });

  it('keeps the transcript arrival for typed text (no voice activity)', () => {
    const s = startDialogue();
    wokenAt(s, 1000);
    s.clock.set(2000);
    s.actor.send({ type: 'speech.final', text: 'hello' });
    s.clock.set(2300);
    s.effects.lastGeneration.sendBack(sentence('Hi.'));
    s.actor.send({ type: 'session.end', reason: 'test' });
    expect(s.turns[0]?.durations).toMatchObject({
      wakeToSpeechEndMs: 1000,
      transcriptDelayMs: -1,
      llmFirstTokenMs: 300,
    });
  });

  it('forgets a voice end once a newer segment starts, and once a turn has taken it', () => {
    const s = startDialogue();
    wokenAt(s, 0);
    s.actor.send({ type: 'voice.ended', at: 500 });
    s.actor.send({ type: 'voice.started', at: 800 });
    s.clock.set(1000);
    s.actor.send({ type: 'speech.final', text: 'still talking' });
    expect(s.actor.getSnapshot().context.turn.timings).toMatchObject({
      speechEndAt: 1000,
      transcriptAt: null,
    });
    expect(s.actor.getSnapshot().context.voiceEndedAt).toBeNull();
  });

  it('dates a turn taken by the end-of-turn silence from the voice end too', () => {
    const s = startDialogue({ config: { endOfTurnSilenceMs: 1200 } });
    wokenAt(s, 0);
    s.actor.send({ type: 'voice.started', at: 100 });
    s.actor.send({ type: 'speech.partial', text: 'I miss my sister' });
    s.actor.send({ type: 'voice.ended', at: 400 });
    s.clock.increment(1200);
    expect(s.publicState()).toBe('thinking');
    expect(s.actor.getSnapshot().context.turn.timings).toMatchObject({
      speechEndAt: 400,
      transcriptAt: 1200,
    });
  });
});

describe('barge-in on the voice', () => {
  /** The robot speaking its reply to a first turn, with barge_in_on_speech as given. */
  function speaking(bargeInOnSpeech: boolean) {
    const s = startDialogue({ config: { bargeInOnSpeech } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me something' });
    s.effects.lastGeneration.sendBack(sentence('Once upon a time there was a lighthouse.'));
    expect(s.publicState()).toBe('speaking');
    return s;
  }

  it('interrupts the reply when the voice outlasts a backchannel', () => {
    const s = speaking(true);
    const generation = s.effects.lastGeneration;
    const utterance = s.effects.lastUtterance;
    s.actor.send({ type: 'voice.started', at: 0 });
    s.actor.send({ type: 'voice.sustained' });
    expect(s.publicState()).toBe('listening');
    expect(generation.cancelled).toBe(true);
    expect(utterance.signal.aborted).toBe(true);
    expect(s.turns[0]).toMatchObject({ outcome: 'interrupted', interrupted: true });
    // The words that follow are the next turn.
    s.actor.send({ type: 'speech.final', text: 'wait, I have a question' });
    expect(s.publicState()).toBe('thinking');
  });

  it('does not interrupt for a short segment (no voice.sustained) or with barge_in_on_speech off', () => {
    const s = speaking(true);
    s.actor.send({ type: 'voice.started', at: 0 });
    s.actor.send({ type: 'voice.ended', at: 300 });
    expect(s.publicState()).toBe('speaking');
    const off = speaking(false);
    off.actor.send({ type: 'voice.sustained' });
    expect(off.publicState()).toBe('speaking');
    expect(off.turns).toHaveLength(0);
  });

  it('never interrupts the opening words or a crisis message', () => {
    const s = startDialogue({ config: { bargeInOnSpeech: true, aiNotice: 'I am an AI.' } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'voice.sustained' });
    expect(s.publicState()).toBe('speaking');
    s.actor.send({ type: 'safety.crisis', reason: 'test', message: 'Help is near.' });
    s.actor.send({ type: 'voice.sustained' });
    expect(s.publicState()).toBe('crisis');
  });
});

describe('a session opened by speech over a caregiver say says the AI notice first', () => {
  const config = { bargeInOnSpeech: true, aiNotice: 'I am an AI companion.' };

  /** A caregiver's words said while no session is open. */
  function caregiverSaying() {
    const s = startDialogue({ config });
    s.actor.send({ type: 'caregiver.say', text: 'Your daughter will call at six.' });
    expect(s.effects.lastUtterance.input.text).toBe('Your daughter will call at six.');
    expect(s.actor.getSnapshot().context.sessionId).toBe('');
    return s;
  }

  it('on the voice', async () => {
    const s = caregiverSaying();
    const cut = s.effects.lastUtterance;
    s.actor.send({ type: 'voice.sustained' });
    expect(cut.signal.aborted).toBe(true);
    expect(s.actor.getSnapshot().context.sessionId).toBe('sess');
    expect(s.effects.lastUtterance.input.text).toBe('I am an AI companion.');
    expect(s.robotTurns[0]).toMatchObject({ kind: 'caregiver_say', interrupted: true });
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('listening');
  });

  it('on a final transcript, which is taken as the first turn once the notice is said', async () => {
    const s = caregiverSaying();
    s.actor.send({ type: 'speech.final', text: 'who is calling?' });
    expect(s.effects.lastUtterance.input.text).toBe('I am an AI companion.');
    expect(s.effects.generations).toHaveLength(0);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('thinking');
    expect(s.effects.lastGeneration.input.userText).toBe('who is calling?');
  });

  it('on a partial transcript', () => {
    const s = caregiverSaying();
    s.actor.send({ type: 'speech.partial', text: 'sorry, who' });
    expect(s.effects.lastUtterance.input.text).toBe('I am an AI companion.');
    expect(s.actor.getSnapshot().context.announcement?.kind).toBe('greeting');
  });
});
