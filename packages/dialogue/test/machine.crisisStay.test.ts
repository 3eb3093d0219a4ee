/**
 * The robot stays with the person in a crisis: their further words get a fixed stay line (never
 * the llm), at most once per crisisStayIntervalMs; a session the crisis opened hears the AI notice
 * after the acknowledgement, before the first reply, and never inside the crisis message.
 */
import { describe, expect, it } from '@jest/globals';
import type { DialogueEvent, TurnRisk } from '../src/index.js';
import { settle, startDialogue } from './support/fakeActors.js';

const MODERATE: TurnRisk = { level: 'moderate', category: 'suicidal_ideation', rules: ['r'] };
const stay = (userText: string, message = 'I am still here. Call 988.'): DialogueEvent => ({
  type: 'safety.stay',
  userText,
  message,
  risk: MODERATE,
});
const crisis: DialogueEvent = {
  type: 'safety.crisis',
  reason: 'screen',
  userText: 'I want to end it',
  message: 'Crisis message with 988.',
  alertId: 'a1',
};

describe('staying with the person in a crisis', () => {
  it('answers further words with the stay line, at most once per interval, without the llm', async () => {
    const s = startDialogue({ config: { crisisStayIntervalMs: 20_000, aiNotice: 'I am an AI.' } });
    s.actor.send({ type: 'wake.detected' });
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send(crisis);
    expect(s.effects.lastUtterance.input.text).toBe('Crisis message with 988.');
    // While the crisis message is said, words are not answered (it is never interrupted).
    s.actor.send(stay('are you there'));
    expect(s.effects.utterances).toHaveLength(2);
    s.clock.increment(25_000);
    s.effects.lastUtterance.finish();
    await settle();

    s.actor.send(stay('nobody cares'));
    expect(s.publicState()).toBe('crisis');
    expect(s.effects.utterances).toHaveLength(3);
    expect(s.effects.lastUtterance.input.text).toBe('I am still here. Call 988.');
    s.effects.lastUtterance.finish();
    await settle();
    // Within the interval: nothing more is said.
    s.clock.increment(5_000);
    s.actor.send(stay('hello?'));
    expect(s.effects.utterances).toHaveLength(3);
    s.clock.increment(16_000);
    s.actor.send(stay('hello?', 'Still here. 988.'));
    expect(s.effects.lastUtterance.input.text).toBe('Still here. 988.');
    expect(s.effects.generations).toHaveLength(0);
    s.effects.lastUtterance.finish();
    await settle();

    // Each stay is a turn of its own, recorded as the crisis turn is.
    const stays = s.turns.filter((turn) => turn.userText === 'nobody cares');
    expect(stays).toHaveLength(1);
    expect(stays[0]).toMatchObject({ outcome: 'crisis', replyText: 'I am still here. Call 988.' });
    expect(s.publicState()).toBe('crisis');
    s.actor.send({ type: 'caregiver.ackAlert', alertId: 'a1' });
    expect(s.publicState()).toBe('listening');
    s.actor.stop();
  });

  it('a higher level in the crisis still counts as a new alert', async () => {
    const s = startDialogue({});
    s.actor.send({ type: 'wake.detected' });
    s.actor.send(crisis);
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ ...crisis, alertId: 'a2' });
    expect(s.actor.getSnapshot().context.openAlerts).toEqual(['a1', 'a2']);
    s.actor.send({ type: 'caregiver.ackAlert', alertId: 'a1' });
    expect(s.publicState()).toBe('crisis');
    s.actor.stop();
  });
});

describe('the AI notice in a session a crisis opened', () => {
  it('is said after the acknowledgement, before the first reply, never inside the crisis message', async () => {
    const s = startDialogue({ config: { aiNotice: 'I am an AI companion.' } });
    // Asleep: the crisis opens the session, with no opening words.
    s.actor.send(crisis);
    expect(s.effects.lastUtterance.input.text).toBe('Crisis message with 988.');
    expect(s.effects.lastUtterance.input.text).not.toMatch(/AI/);
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ type: 'caregiver.ackAlert', alertId: 'a1' });
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.input.text).toBe('I am an AI companion.');
    expect(s.effects.generations).toHaveLength(0);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('listening');
    s.actor.send({ type: 'speech.final', text: 'thank you' });
    expect(s.effects.generations).toHaveLength(1);
    s.actor.stop();
  });

  it('is not said again when the session had already heard it', async () => {
    const s = startDialogue({ config: { aiNotice: 'I am an AI companion.' } });
    s.actor.send({ type: 'wake.detected' });
    expect(s.effects.lastUtterance.input.text).toBe('I am an AI companion.');
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send(crisis);
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ type: 'caregiver.ackAlert', alertId: 'a1' });
    expect(s.publicState()).toBe('listening');
    expect(s.effects.utterances).toHaveLength(2);
    s.actor.stop();
  });
});
