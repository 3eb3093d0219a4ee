/**
 * Safety wired into the conversation (issue 7), on the in-process graph with fake llm and tts
 * servers and the real screener, output guard and crisis messages from @hearth/safety.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture } from '@hearth/graph';
import { crisisMessage } from '@hearth/safety';
import {
  DialogueNode,
  HUMAN_CONTACT_NUDGE,
  InvalidDialogueParameterError,
  MODERATE_RISK_PROTOCOL,
} from '../src/index.js';
import { DialogueHarness, until } from './support/graphHarness.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 'HH:MM' local time `minutes` from now. */
function localTime(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

describe('DialogueNode safety', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  async function listening(h: DialogueHarness): Promise<void> {
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
  }

  it('high risk: crisis message with the helpline, an alert, no generation, no barge-in, until ack', async () => {
    const h = (harness = new DialogueHarness());
    h.holdSpeech = true; // the crisis message is still being said when the person barges in
    await listening(h);
    h.say('I want to kill myself');
    await until('crisis', () => h.dialogue.state === 'crisis');
    const expected = crisisMessage('en-US', 'suicidal_ideation').text;
    expect(expected).toMatch(/988/);
    await until('the crisis message', () => h.sayGoals.some((g) => g.text === expected));
    await until('the alert', () => h.alerts.length === 1);
    expect(h.alerts[0]).toMatchObject({
      alert_id: 'alert-1',
      session_id: 'sess',
      level: 'high',
      category: 'suicidal_ideation',
      reasons: ['suicidal.kill_self'],
      message: expected,
    });
    // The person's words never go on the alert.
    expect(JSON.stringify(h.alerts[0])).not.toMatch(/kill myself/);

    // Nothing interrupts it: the wake word, an explicit barge-in, a pause, speech.
    h.wake();
    h.dialogue.send({ type: 'user.bargeIn' });
    h.caregiver('pause');
    h.say('hello?');
    await pause(30);
    expect(h.dialogue.state).toBe('crisis');
    expect(h.cancelled).toEqual([]);
    expect(h.generateGoals).toEqual([]);

    // An ack for another alert changes nothing; the alert's own id ends the crisis.
    h.caregiver('ack-alert', '', 'alert-unknown');
    await pause(20);
    expect(h.dialogue.state).toBe('crisis');
    h.caregiver('ack-alert', '', 'alert-1');
    await until('listening again', () => h.stateNames.at(-1) === 'listening');
    await until('the crisis turn record', () => h.turns.length === 1);
    expect(h.turns[0]).toMatchObject({
      session_id: 'sess',
      turn_index: 1,
      user_text: 'I want to kill myself',
      reply_text: expected,
      risk_level: 'high',
      risk_category: 'suicidal_ideation',
      states: ['listening', 'crisis'],
    });
    expect(h.generateGoals).toEqual([]);
  });

  it('publishes the crisis turn as soon as the message is said, while staying in crisis', async () => {
    const h = (harness = new DialogueHarness({ locale: 'en-GB' }));
    await listening(h);
    h.say('I want to end it all tonight');
    await until('the crisis turn record', () => h.turns.length === 1);
    const message = crisisMessage('en-GB', 'suicidal_ideation').text;
    expect(h.turns[0]).toMatchObject({ reply_text: message, risk_level: 'imminent' });
    expect(message).toMatch(/116 123/);
    expect(h.alerts[0]?.level).toBe('imminent');
    expect(h.dialogue.state).toBe('crisis');
    // An empty alert id acknowledges every open alert.
    h.caregiver('ack-alert');
    await until('listening again', () => h.stateNames.at(-1) === 'listening');
  });

  it('a partial at high risk enters crisis at once; its final raises no second alert', async () => {
    const h = (harness = new DialogueHarness());
    await listening(h);
    h.say('I want to kill myself', false);
    await until('crisis', () => h.dialogue.state === 'crisis');
    h.say('I want to kill myself');
    await pause(30);
    expect(h.alerts).toHaveLength(1);
    expect(h.generateGoals).toEqual([]);
    await until('the crisis turn record', () => h.turns.length === 1);
    expect(h.turns[0]?.user_text).toBe('I want to kill myself');
  });

  it('moderate risk on a turn ended by silence (no final): caregivers still get one notice', async () => {
    const h = (harness = new DialogueHarness({ end_of_turn_silence_ms: 60 }));
    await listening(h);
    h.say("I can't go", false);
    h.say("I can't go on like this", false);
    await until('a turn record', () => h.turns.length === 1);
    expect(h.generateGoals[0]).toMatchObject({
      user_text: "I can't go on like this",
      risk_level: 'moderate',
      instruction: MODERATE_RISK_PROTOCOL,
    });
    expect(h.turns[0]).toMatchObject({ risk_level: 'moderate' });
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ level: 'moderate', session_id: 'sess' });

    // The next turn, with a final and no risk: no further notice.
    h.say('I went for a walk today');
    await until('the second turn', () => h.turns.length === 2);
    expect(h.alerts).toHaveLength(1);
  });

  it('moderate risk: the careful protocol goes with the Generate goal and caregivers get a notice', async () => {
    const h = (harness = new DialogueHarness());
    await listening(h);
    h.say("I can't go on like this");
    await until('a turn record', () => h.turns.length === 1);
    expect(h.generateGoals[0]?.instruction).toBe(MODERATE_RISK_PROTOCOL);
    // The level too, for the fallback responder (which cannot follow an instruction).
    expect(h.generateGoals[0]?.risk_level).toBe('moderate');
    expect(MODERATE_RISK_PROTOCOL).toMatch(/safe/);
    expect(MODERATE_RISK_PROTOCOL).toMatch(/someone they trust or to a professional/);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ level: 'moderate', session_id: 'sess' });
    expect(h.turns[0]).toMatchObject({
      risk_level: 'moderate',
      risk_category: 'suicidal_ideation',
    });
    expect(h.dialogue.state).not.toBe('crisis');

    // A turn with no risk carries no protocol and raises no notice.
    h.say('I went for a walk today');
    await until('the second turn', () => h.turns.length === 2);
    expect(h.generateGoals[1]?.instruction).toBe('');
    expect(h.generateGoals[1]?.risk_level).toBe('none');
    expect(h.turns[1]).toMatchObject({ risk_level: 'none', risk_category: '' });
    expect(h.alerts).toHaveLength(1);
  });

  it('the output guard replaces a failing sentence, drops the rest, and flags the turn', async () => {
    const h = (harness = new DialogueHarness());
    h.llmScript = {
      sentences: [
        'That sounds hard.',
        'You should take 50 mg of sertraline.',
        'Take another one tonight.',
      ],
    };
    await listening(h);
    h.say('I cannot sleep');
    await until('a turn record', () => h.turns.length === 1);
    const said = h.sayGoals.map((g) => g.text);
    expect(said).toHaveLength(2);
    expect(said[0]).toBe('That sounds hard.');
    expect(said[1]).toMatch(/doctor or pharmacist/);
    expect(said.join(' ')).not.toMatch(/mg|another one/);
    expect(h.turns[0]).toMatchObject({ reply_guarded: true });
    expect(h.turns[0]?.reply_text).not.toMatch(/50 mg/);
  });

  it('says the AI notice at every session start, and refuses to have it removed', async () => {
    const h = (harness = new DialogueHarness({ ai_notice: 'I am an AI robot.' }));
    await listening(h);
    expect(h.openings.map((g) => g.text)).toEqual(['I am an AI robot.']);
    const [result] = h.dialogueGraphNode.setParameters({ ai_notice: '  ' });
    expect(result?.successful).toBe(false);
    expect(result?.reason).toMatch(/ai_notice cannot be empty/);
    const [bad] = h.dialogueGraphNode.setParameters({ quiet_hours_start: '25:00' });
    expect(bad?.successful).toBe(false);
    expect(bad?.reason).toMatch(/HH:MM/);

    const transport = createInProcessTransport({
      logger: { level: 'warn', capture: new LogCapture() },
    });
    const node = transport.createNode('dialogue', { parameterOverrides: { ai_notice: '' } });
    expect(() => new DialogueNode(node)).toThrow(InvalidDialogueParameterError);
    await transport.shutdown();
  });

  it('keeps words said over the AI notice and answers them once it is said', async () => {
    const h = (harness = new DialogueHarness());
    h.wake();
    h.say('are you there?');
    await until('a turn record', () => h.turns.length === 1);
    expect(h.openings).toHaveLength(1);
    expect(h.generateGoals.map((g) => g.user_text)).toEqual(['are you there?']);
  });

  it('in quiet hours: the AI notice only (no greeting), no check-in; it still answers', async () => {
    const h = (harness = new DialogueHarness({
      greeting: 'Good evening!',
      quiet_hours_start: localTime(-60),
      quiet_hours_end: localTime(60),
      follow_up_window_ms: 20,
      check_in_after_ms: 30,
    }));
    await listening(h);
    expect(h.openings.map((g) => g.text)).toEqual([
      "Hello, I'm Hearth, an AI companion. I'm here to listen.",
    ]);
    h.say('I feel a bit low');
    await until('the reply', () => h.turns.length === 1);
    await until('asleep', () => h.stateNames.at(-1) === 'asleep');
    await pause(120);
    expect(h.sayGoals.map((g) => g.text)).toEqual(['Hello.']);
    expect(h.dialogue.state).toBe('asleep');

    // Out of quiet hours the check-in comes.
    h.dialogueGraphNode.setParameters({ quiet_hours_start: '', quiet_hours_end: '' });
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
    h.say('thanks');
    await until('the second reply', () => h.turns.length === 2);
    await until('the check-in', () => h.sayGoals.some((g) => /still here/.test(g.text)));
  });

  it('nudges toward human contact once, after nudge_after_turns turns', async () => {
    const h = (harness = new DialogueHarness({ nudge_after_turns: 2 }));
    await listening(h);
    for (const [index, text] of ['one', 'two', 'three', 'four'].entries()) {
      h.say(text);
      await until(`turn ${index + 1}`, () => h.turns.length === index + 1);
    }
    expect(h.generateGoals.map((g) => g.instruction)).toEqual(['', '', HUMAN_CONTACT_NUDGE, '']);
  });
});
