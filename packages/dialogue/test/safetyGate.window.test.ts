/**
 * The screener's session window as the gate feeds it: a turn taken from the last partial counts
 * as a turn, and words heard outside any session get an honest notice and do not weigh on later
 * ones. On the in-process graph with the real screener from @hearth/safety.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { DialogueHarness, until } from './support/graphHarness.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const MODERATE = "I can't go on like this";

describe('SafetyGate session window', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('remembers a turn ended by silence: with two moderate finals after it, the third is high', async () => {
    const h = (harness = new DialogueHarness({ end_of_turn_silence_ms: 60 }));
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
    // Turn 1: partials only, taken by end-of-turn silence.
    h.say(MODERATE, false);
    await until('turn 1', () => h.turns.length === 1);
    expect(h.turns[0]).toMatchObject({ risk_level: 'moderate' });
    h.say(MODERATE);
    await until('turn 2', () => h.turns.length === 2);
    expect(h.turns[1]).toMatchObject({ risk_level: 'moderate' });
    // The third moderate in the window: the silent turn counted, so this one is high.
    h.say(MODERATE);
    await until('crisis', () => h.dialogue.state === 'crisis');
    await until('the high alert', () => h.alerts.some((alert) => alert.level === 'high'));
  });

  it('a moderate notice heard while paused says so, and a new session clears that window', async () => {
    const h = (harness = new DialogueHarness());
    h.caregiver('pause');
    await until('paused', () => h.dialogue.state === 'paused');
    h.say(MODERATE);
    h.say(MODERATE);
    await until('two notices', () => h.alerts.length === 2);
    for (const alert of h.alerts) {
      expect(alert).toMatchObject({ level: 'moderate', session_id: '' });
      expect(alert.message).toMatch(/not in conversation/i);
      expect(alert.message).not.toMatch(/answering with the careful protocol/);
    }
    expect(h.generateGoals).toEqual([]);

    // A session starts and ends: the words heard outside it are forgotten.
    h.caregiver('resume');
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
    h.say('I went for a walk today');
    await until('a turn', () => h.turns.length === 1);
    expect(h.alerts.at(-1)?.message).toMatch(/not in conversation/i);
    h.caregiver('end-session');
    await until('asleep', () => h.dialogue.state === 'asleep');
    h.caregiver('pause');
    await until('paused again', () => h.dialogue.state === 'paused');
    // Without the clearing this would be the third moderate in the no-session window: high.
    h.say(MODERATE);
    await until('a third notice', () => h.alerts.length === 3);
    await pause(20);
    expect(h.alerts[2]).toMatchObject({ level: 'moderate' });
    expect(h.dialogue.state).toBe('paused');
  });

  it('a moderate final in conversation still names the careful protocol', async () => {
    const h = (harness = new DialogueHarness());
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
    h.say(MODERATE);
    await until('the notice', () => h.alerts.length === 1);
    expect(h.alerts[0]?.message).toMatch(/careful protocol/);
  });
});
