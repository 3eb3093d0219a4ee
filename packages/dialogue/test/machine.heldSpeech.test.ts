/**
 * With barge_in_on_speech off, words the person says while the robot replies do not interrupt it,
 * and are not lost either: they are the next turn, answered once the reply has been said.
 */
import { describe, expect, it } from '@jest/globals';
import { MODERATE_RISK_PROTOCOL } from '../src/index.js';
import { llmDone, llmSentence as sentence, settle, startDialogue } from './support/fakeActors.js';

const done = llmDone('Hello there.');

describe('speech heard while the robot replies (barge_in_on_speech off)', () => {
  it('keeps a final transcript heard while speaking and answers it as the next turn', async () => {
    const s = startDialogue({ config: { bargeInOnSpeech: false } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'how are you' });
    s.actor.send(sentence('Hello there.'));
    expect(s.publicState()).toBe('speaking');
    s.actor.send({ type: 'speech.final', text: 'and what about the weather' });
    // Not interrupted: the reply goes on.
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.signal.aborted).toBe(false);
    s.actor.send(done);
    s.effects.lastUtterance.finish();
    await settle();
    // The reply ended whole, and the held words started the next turn at once.
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]).toMatchObject({ userText: 'how are you', outcome: 'spoken' });
    expect(s.publicState()).toBe('thinking');
    expect(s.effects.generations).toHaveLength(2);
    expect(s.effects.lastGeneration.input.userText).toBe('and what about the weather');
    expect(s.actor.getSnapshot().context.heldSpeech).toBeNull();
  });

  it('keeps words heard while thinking too, but never a backchannel', async () => {
    const s = startDialogue({ config: { bargeInOnSpeech: false } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me a joke' });
    s.actor.send({ type: 'speech.final', text: 'mm-hm' });
    expect(s.actor.getSnapshot().context.heldSpeech).toBeNull();
    s.actor.send({ type: 'speech.final', text: 'a short one please' });
    s.actor.send(sentence('Why did the robot cross the road?'));
    s.actor.send(done);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.effects.lastGeneration.input.userText).toBe('a short one please');
  });

  it('drops held words when the person barges in with the wake word (they will speak again)', async () => {
    const s = startDialogue({ config: { bargeInOnSpeech: false } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me a story' });
    s.actor.send(sentence('Once upon a time.'));
    s.actor.send({ type: 'speech.final', text: 'about dragons' });
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('listening');
    expect(s.actor.getSnapshot().context.heldSpeech).toBeNull();
    expect(s.effects.generations).toHaveLength(1);
  });

  it('keeps every held final: their words joined, answered with the highest risk among them', async () => {
    const s = startDialogue({ config: { bargeInOnSpeech: false } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'how are you' });
    s.actor.send(sentence('Hello there.'));
    s.actor.send({
      type: 'speech.final',
      text: 'I feel like a burden to everyone',
      risk: { level: 'moderate', category: 'suicidal_ideation', rules: ['si.burden'] },
    });
    s.actor.send({ type: 'speech.final', text: 'anyway what is for dinner' });
    s.actor.send(done);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.effects.generations).toHaveLength(2);
    expect(s.effects.lastGeneration.input).toMatchObject({
      userText: 'I feel like a burden to everyone anyway what is for dinner',
      riskLevel: 'moderate',
      instruction: MODERATE_RISK_PROTOCOL,
    });
  });
});
