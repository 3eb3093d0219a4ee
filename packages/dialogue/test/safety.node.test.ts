/**
 * Safety wired into the conversation (issue 7), on the in-process graph with fake llm and tts
 * servers and the real screener, output guard and crisis messages from @hearth/safety.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture } from '@hearth/graph';
import { crisisMessage, crisisStayLine } from '@hearth/safety';
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

  it('stays with the person: after the crisis message, their words get the stay line, never the llm', async () => {
    const h = (harness = new DialogueHarness());
    await listening(h);
    h.say('I want to kill myself');
    const message = crisisMessage('en-US', 'suicidal_ideation').text;
    await until('the crisis message said', () => h.turns.length === 1);
    expect(h.sayGoals.at(-1)?.text).toBe(message);
    h.say('I am so scared');
    const line = crisisStayLine('en-US', 'suicidal_ideation', 0);
    expect(line).toMatch(/988/);
    await until('the stay line', () => h.sayGoals.some((g) => g.text === line));
    await until('its turn record', () => h.turns.length === 2);
    expect(h.turns[1]).toMatchObject({ user_text: 'I am so scared', reply_text: line });
    // Within crisis_stay_interval_ms nothing more is said; no alert for words below the crisis.
    h.say('are you there');
    await pause(30);
    expect(h.sayGoals.filter((g) => g.text !== message)).toHaveLength(1);
    expect(h.alerts).toHaveLength(1);
    expect(h.generateGoals).toEqual([]);
    expect(h.dialogue.state).toBe('crisis');
  });

  it('counts only the stay lines said: one turned down within the interval skips no line', async () => {
    const h = (harness = new DialogueHarness({ crisis_stay_interval_ms: 1000 }));
    await listening(h);
    h.say('I want to kill myself');
    await until('the crisis message said', () => h.turns.length === 1);
    const first = crisisStayLine('en-US', 'suicidal_ideation', 0);
    const second = crisisStayLine('en-US', 'suicidal_ideation', 1);
    expect(second).not.toBe(first);
    h.say('I am so scared');
    await until('the first stay line', () => h.turns.length === 2);
    // Too soon: the machine turns it down, so the rotation must not move on.
    h.say('are you there');
    await pause(30);
    expect(h.turns).toHaveLength(2);
    await pause(1000);
    h.say('hello?');
    await until('the next stay line', () => h.turns.length === 3);
    expect(h.turns.slice(1).map((turn) => turn.reply_text)).toEqual([first, second]);
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
    // When the crisis message ends before the final arrives, the final gets a stay line, a
    // second turn: wait for the first, not for exactly one.
    await until('the crisis turn record', () => h.turns.length >= 1);
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
    // Not removable by other words either: it must say the robot is an AI.
    const [hello] = h.dialogueGraphNode.setParameters({ ai_notice: 'Hello!' });
    expect(hello?.successful).toBe(false);
    expect(hello?.reason).toMatch(/ai_notice "Hello!" does not say the robot is an AI/);
    expect(hello?.reason).toMatch(/params\.yaml/);
    // "j'ai" is not "IA"; the locale's own words are.
    const [french] = h.dialogueGraphNode.setParameters({
      locale: 'fr-FR',
      ai_notice: "Bonjour, j'ai le temps.",
    });
    expect(french?.successful).toBe(false);
    const notices: ReadonlyArray<readonly [string, string]> = [
      ['fr-FR', 'Bonjour, je suis une IA.'],
      ['de-DE', 'Hallo, ich bin eine KI.'],
      ['es-ES', 'Hola, soy una inteligencia artificial.'],
      ['en-GB', 'Hello, I am a robot companion.'],
    ];
    for (const [locale, notice] of notices) {
      const [ok] = h.dialogueGraphNode.setParameters({ locale, ai_notice: notice });
      expect(ok).toMatchObject({ successful: true });
    }
    // Naming a robot is not enough: a notice that negates it or claims a person is refused.
    for (const notice of [
      "I am not a robot, I'm a real person.",
      "I'm not a machine.",
      "I'm no robot, just a friend.",
      "Hi, I'm a real person and I'm here for you.",
    ]) {
      const [negated] = h.dialogueGraphNode.setParameters({ locale: 'en-GB', ai_notice: notice });
      expect(negated?.successful).toBe(false);
      expect(negated?.reason).toMatch(/does not say the robot is an AI/);
    }
    const [kein] = h.dialogueGraphNode.setParameters({
      locale: 'de-DE',
      ai_notice: 'Ich bin kein Roboter.',
    });
    expect(kein?.successful).toBe(false);
    const [notHuman] = h.dialogueGraphNode.setParameters({
      locale: 'en-GB',
      ai_notice: "Hello, I'm an AI companion, not a person.",
    });
    expect(notHuman?.successful).toBe(true);
    // Only the locale changes: the notice already set is checked against its language.
    const [english] = h.dialogueGraphNode.setParameters({ ai_notice: 'Hello, I am a machine.' });
    expect(english?.successful).toBe(true);
    const [toGerman] = h.dialogueGraphNode.setParameters({ locale: 'de-DE' });
    expect(toGerman?.successful).toBe(false);
    expect(toGerman?.reason).toMatch(/ai_notice "Hello, I am a machine\." does not say/);
    const [toFrench] = h.dialogueGraphNode.setParameters({ locale: 'fr-FR' });
    expect(toFrench?.successful).toBe(true);
    const [bad] = h.dialogueGraphNode.setParameters({ quiet_hours_start: '25:00' });
    expect(bad?.successful).toBe(false);
    expect(bad?.reason).toMatch(/HH:MM/);

    const transport = createInProcessTransport({
      logger: { level: 'warn', capture: new LogCapture() },
    });
    const node = transport.createNode('dialogue', { parameterOverrides: { ai_notice: '' } });
    expect(() => new DialogueNode(node)).toThrow(InvalidDialogueParameterError);
    const helloNode = transport.createNode('dialogue_hello', {
      parameterOverrides: { ai_notice: 'Hello there!' },
    });
    expect(() => new DialogueNode(helloNode)).toThrow(/ai_notice "Hello there!" does not say/);
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
