import { afterEach, describe, expect, it } from '@jest/globals';
import { Qos } from '@hearth/graph';
import { DialogueStateType, GetDialogueStateService, Services, Topics } from '@hearth/interfaces';
import { DialogueHarness, until } from './support/graphHarness.js';

describe('DialogueNode on the in-process graph', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('runs a turn: generate goal, sentences said in order, turn record, followUp, asleep', async () => {
    const h = (harness = new DialogueHarness({ follow_up_window_ms: 50 }));
    h.llmScript = { sentences: ['That sounds hard.', 'I am here with you.', 'Tell me more?'] };
    await until('the initial state', () => h.stateNames.includes('asleep'));

    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('I feel', false); // partial: ignored
    h.say('I feel lonely today');
    await until('a turn record', () => h.turns.length === 1);

    expect(h.generateGoals).toEqual([
      {
        session_id: 'sess',
        user_text: 'I feel lonely today',
        instruction: '',
        previous_reply_heard: '',
        previous_reply_interrupted: false,
        risk_level: 'none',
        reasked: false,
      },
    ]);
    expect(h.sayGoals.map((g) => [g.utterance_id, g.text, g.group_id])).toEqual([
      ['sess-1-0', 'That sounds hard.', 'sess-1'],
      ['sess-1-1', 'I am here with you.', 'sess-1'],
      ['sess-1-2', 'Tell me more?', 'sess-1'],
    ]);
    const [turn] = h.turns;
    expect(turn).toMatchObject({
      session_id: 'sess',
      turn_index: 1,
      user_text: 'I feel lonely today',
      reply_text: 'That sounds hard. I am here with you. Tell me more?',
      strategy: 'Affirmation',
      states: ['asleep', 'listening', 'thinking', 'speaking', 'followUp'],
      gestures: ['nod-1', 'nod-2', 'nod-3'],
      audio_path: '/tmp/sess-1.wav',
      interrupted: false,
      fallback: false,
    });
    for (const ms of [
      turn?.llm_first_token_ms,
      turn?.llm_total_ms,
      turn?.tts_first_audio_ms,
      turn?.turn_total_ms,
    ]) {
      expect(ms).toBeGreaterThanOrEqual(0);
    }

    await until('asleep after the follow-up window', () => h.stateNames.at(-1) === 'asleep');
    // The AI notice (public state speaking) opens the session; it is not part of the turn's path.
    expect(h.openings.map((g) => g.text)).toEqual([
      "Hello, I'm Hearth, an AI companion. I'm here to listen.",
    ]);
    expect(h.stateNames).toEqual([
      'asleep',
      'speaking',
      'listening',
      'thinking',
      'speaking',
      'followUp',
      'asleep',
    ]);
    expect(h.states.at(-1)).toMatchObject({
      previous_state: 'followUp',
      event: 'timeout.followUpWindow',
      session_id: 'sess',
    });
    expect(h.cancelled).toEqual([]);
  });

  it('barge-in while speaking cancels both goals and listens', async () => {
    const h = (harness = new DialogueHarness());
    h.llmScript = { sentences: ['Once upon a time.'], hold: true };
    h.holdSpeech = true;
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('tell me a story');
    await until('speaking', () => h.stateNames.includes('speaking') && h.sayGoals.length === 1);

    h.wake();
    await until('both goals cancelled', () => h.cancelled.length === 2);
    expect(h.cancelled.sort()).toEqual(['generate:sess', 'say:sess-1-0']);
    await until('the interrupted turn', () => h.turns.length === 1);
    expect(h.turns[0]).toMatchObject({
      interrupted: true,
      reply_text: 'Once upon a time.',
      turn_total_ms: expect.any(Number),
    });
    expect(h.stateNames.at(-1)).toBe('listening');
  });

  it('answers get_state, and a late subscriber gets the current state', async () => {
    const h = (harness = new DialogueHarness());
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    const client = h.tester.createClient(GetDialogueStateService, Services.getDialogueState);
    expect(await client.call(GetDialogueStateService.request.create({}), 5000)).toEqual({
      state: 'listening',
      session_id: 'sess',
      turn_index: 0,
    });
    const late: string[] = [];
    h.tester.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (m) => late.push(m.state),
      Qos.state,
    );
    await until('the latched state', () => late.length > 0);
    expect(late).toEqual(['listening']);
  });

  it('with no llm node, says the apology and listens again instead of getting stuck', async () => {
    const h = (harness = new DialogueHarness({}, { withLlm: false }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('hello?');
    await until('the failed turn', () => h.turns.length === 1);
    expect(h.stateNames).toEqual([
      'asleep',
      'speaking',
      'listening',
      'thinking',
      'recovering',
      'listening',
    ]);
    expect(h.sayGoals.map((g) => g.text)).toEqual([expect.stringMatching(/sorry/i)]);
    expect(h.turns[0]).toMatchObject({
      fallback: true,
      interrupted: false,
      audio_path: '/tmp/sess-1.wav',
    });
  });

  it('applies parameter changes at runtime: barge-in disabled', async () => {
    const h = (harness = new DialogueHarness());
    h.holdSpeech = true;
    const results = h.dialogueGraphNode.setParameters({ barge_in_enabled: false });
    expect(results.every((r) => r.successful)).toBe(true);
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('hello');
    await until('speaking', () => h.sayGoals.length === 1);
    h.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.dialogue.state).toBe('speaking');
  });

  it('publishes an interrupted turn once the robot is silent, with the barge-in-to-silence time', async () => {
    const h = (harness = new DialogueHarness());
    h.llmScript = { sentences: ['Once upon a time.'], hold: true };
    h.holdSpeech = true;
    h.cancelDelayMs = 40;
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('tell me a story');
    await until('speaking', () => h.sayGoals.length === 1);
    h.wake();
    await until('the interrupted turn', () => h.turns.length === 1);
    expect(h.cancelled).toContain('say:sess-1-0');
    const [turn] = h.turns;
    expect(turn?.interrupted).toBe(true);
    expect(turn?.barge_in_to_silence_ms).toBeGreaterThanOrEqual(35);
    expect(turn?.barge_in_to_silence_ms).toBeLessThan(5000);
    // The part said before the cancel is in the reply's WAV (the fake tts names it).
    expect(turn?.audio_path).toBe('/tmp/sess-1.wav');
    h.say('go on');
    await until('the next goal', () => h.generateGoals.length === 2);
    // The llm is told what was heard, and that the reply was interrupted (it tells the model).
    expect(h.generateGoals[1]).toMatchObject({
      previous_reply_heard: 'Once upon a time.',
      previous_reply_interrupted: true,
      instruction: '',
    });
  });

  it('ends turns on partial transcripts after the end-of-turn silence', async () => {
    const h = (harness = new DialogueHarness({ end_of_turn_silence_ms: 60 }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('I have been', false);
    h.say('I have been sleeping badly', false);
    await until('a turn record', () => h.turns.length === 1);
    expect(h.generateGoals[0]?.user_text).toBe('I have been sleeping badly');
  });

  it("says a caregiver's words, ends the session on goodbye and publishes its summary", async () => {
    const h = (harness = new DialogueHarness({ greeting: 'Hello there.' }));
    h.caregiver('say', 'Your daughter will call at six.');
    await until('the caregiver words', () => h.sayGoals.length === 1);
    expect(h.sayGoals[0]).toMatchObject({ text: 'Your daughter will call at six.', group_id: '' });
    await until('asleep again', () => h.stateNames.at(-1) === 'asleep' && h.stateNames.length > 2);
    h.wake();
    await until('the greeting and listening', () => h.stateNames.at(-1) === 'listening');
    // The AI notice comes first, the greeting after it, as one opening.
    expect(h.openings[0]?.text).toBe(
      "Hello, I'm Hearth, an AI companion. I'm here to listen. Hello there.",
    );
    h.llmScript = { sentences: ['Goodbye, sleep well.'] };
    h.say('good night');
    await until('the session summary', () => h.sessions.length === 1);
    expect(h.sessions[0]).toMatchObject({ session_id: 'sess', reason: 'goodbye', turns: 1 });
    expect(h.sessions[0]?.first_audio_p50_ms).toBeGreaterThanOrEqual(0);
    expect(h.stateNames.at(-1)).toBe('asleep');
  });

  it('enters crisis on safety.crisis and leaves it only on a caregiver ack-alert', async () => {
    const h = (harness = new DialogueHarness({ crisis_message: 'Help is on the way.' }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.dialogue.send({ type: 'safety.crisis', reason: 'test' });
    await until('crisis', () => h.stateNames.at(-1) === 'crisis');
    await until('the crisis message', () =>
      h.sayGoals.some((g) => g.text === 'Help is on the way.'),
    );
    h.wake();
    h.caregiver('pause');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.dialogue.state).toBe('crisis');
    h.caregiver('ack-alert');
    await until('listening again', () => h.stateNames.at(-1) === 'listening');
  });
});
