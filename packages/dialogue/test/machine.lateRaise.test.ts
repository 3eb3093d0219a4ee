/**
 * A model classifier's late raise of a turn (issue 7), on the machine with fake actors: before a
 * word of the reply the turn is asked again with the careful protocol; once the reply is being
 * said it is never cut, and the next turn is careful; the turn record carries the raise.
 */
import { describe, expect, it } from '@jest/globals';
import { MODERATE_RISK_PROTOCOL, type DialogueEvent, type TurnRisk } from '../src/index.js';
import {
  llmDone as done,
  llmSentence as sentence,
  settle,
  startDialogue,
} from './support/fakeActors.js';

const RAISED: TurnRisk = {
  level: 'moderate',
  category: 'self_harm',
  rules: ['classifier:moderate', 'classifier-model:fake'],
};
const raised = (text: string): DialogueEvent => ({ type: 'safety.raised', text, risk: RAISED });

function listening() {
  const s = startDialogue();
  s.actor.send({ type: 'wake.detected' });
  return s;
}

describe('a late classifier raise', () => {
  it('while thinking: cancels the first goal and asks again with the careful protocol', async () => {
    const s = listening();
    s.actor.send({ type: 'speech.final', text: 'everything hurts' });
    const first = s.effects.lastGeneration;
    expect(first.input.riskLevel).toBe('none');
    s.clock.increment(300);
    s.actor.send(raised('everything hurts'));

    expect(first.cancelled).toBe(true);
    expect(s.effects.generations).toHaveLength(2);
    const second = s.effects.lastGeneration;
    expect(second.input).toMatchObject({
      userText: 'everything hurts',
      riskLevel: 'moderate',
      reasked: true,
      instruction: MODERATE_RISK_PROTOCOL,
    });
    expect(s.publicState()).toBe('thinking');

    second.sendBack(sentence('That sounds so hard.'));
    second.sendBack(done('That sounds so hard.'));
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]).toMatchObject({
      outcome: 'spoken',
      replyText: 'That sounds so hard.',
      risk: RAISED,
      // One pass through thinking: asking again is not a step the person sees.
      states: ['asleep', 'listening', 'thinking', 'speaking', 'followUp'],
    });
  });

  it('while speaking: never cuts the reply; the record is raised and the next turn is careful', async () => {
    const s = listening();
    s.actor.send({ type: 'speech.final', text: 'I feel so empty' });
    const generation = s.effects.lastGeneration;
    generation.sendBack(sentence('I am sorry to hear that.'));
    expect(s.publicState()).toBe('speaking');
    const utterance = s.effects.lastUtterance;

    s.actor.send(raised('I feel so empty'));
    expect(generation.cancelled).toBe(false);
    expect(utterance.signal.aborted).toBe(false);
    expect(s.effects.generations).toHaveLength(1);

    generation.sendBack(done('I am sorry to hear that.'));
    utterance.finish();
    await settle();
    expect(s.turns[0]).toMatchObject({ outcome: 'spoken', risk: RAISED });

    // The next words screen as none, but the turn is answered carefully.
    s.actor.send({ type: 'speech.final', text: 'I do not know' });
    expect(s.effects.lastGeneration.input).toMatchObject({
      riskLevel: 'moderate',
      reasked: false,
      instruction: MODERATE_RISK_PROTOCOL,
    });
    // Only that one turn: the one after it is back to its own screen.
    s.effects.lastGeneration.sendBack(sentence('Take your time.'));
    s.effects.lastGeneration.sendBack(done('Take your time.'));
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ type: 'speech.final', text: 'thanks' });
    expect(s.effects.lastGeneration.input).toMatchObject({ riskLevel: 'none', instruction: '' });
  });

  it('after the reply has ended, or for words held over a reply, carries to their next turn', async () => {
    const s = listening();
    s.actor.send({ type: 'speech.final', text: 'hello' });
    s.effects.lastGeneration.sendBack(sentence('Hi.'));
    // Words heard over the reply (barge_in_on_speech is off): held for the next turn.
    s.actor.send({ type: 'speech.final', text: 'nothing matters' });
    s.actor.send(raised('nothing matters'));
    s.effects.lastGeneration.sendBack(done('Hi.'));
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.turns[0]?.risk.level).toBe('none');
    expect(s.effects.lastGeneration.input).toMatchObject({
      userText: 'nothing matters',
      riskLevel: 'moderate',
    });
  });

  it('is forgotten when the session ends', () => {
    const s = listening();
    s.actor.send(raised('words of an earlier turn'));
    s.actor.send({ type: 'session.end', reason: 'test' });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hello again' });
    expect(s.effects.lastGeneration.input.riskLevel).toBe('none');
  });
});
