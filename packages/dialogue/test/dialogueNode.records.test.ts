/**
 * The dialogue node's records on the in-process graph: a TurnRecord for robot-initiated speech
 * (kind, empty user_text, its path and times), the wake-to-speech-end time of a reply, the heard
 * part of an interrupted reply in the next Generate goal, and the session's mood from the REAL
 * affect node's estimates.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { AffectNode } from '@hearth/affect';
import { AffectType, Topics } from '@hearth/interfaces';
import { DialogueHarness, until } from './support/graphHarness.js';

describe('DialogueNode records', () => {
  let harness: DialogueHarness | undefined;
  let affect: AffectNode | undefined;
  afterEach(async () => {
    affect?.dispose();
    affect = undefined;
    await harness?.dispose();
    harness = undefined;
  });

  it('publishes the opening words as a greeting turn, and the reply with its wake time', async () => {
    const h = (harness = new DialogueHarness({ greeting: 'Good to see you.' }));
    h.wake();
    await until('the greeting record', () => h.robotTurns.length === 1);
    expect(h.robotTurns[0]).toMatchObject({
      session_id: 'sess',
      turn_index: 0,
      kind: 'greeting',
      user_text: '',
      reply_text: "Hello, I'm Hearth, an AI companion. I'm here to listen. Good to see you.",
      states: ['asleep', 'speaking', 'listening'],
      audio_path: '/tmp/sess-greeting-1.wav',
      interrupted: false,
      llm_first_token_ms: -1,
      llm_total_ms: -1,
      wake_to_speech_end_ms: -1,
      barge_in_to_silence_ms: -1,
    });
    expect(h.robotTurns[0]?.tts_first_audio_ms).toBeGreaterThanOrEqual(0);
    expect(h.robotTurns[0]?.turn_total_ms).toBeGreaterThanOrEqual(
      h.robotTurns[0]?.tts_first_audio_ms ?? 0,
    );
    await until('listening', () => h.dialogue.state === 'listening');
    await new Promise((resolve) => setTimeout(resolve, 30));
    h.say('hello');
    await until('the reply', () => h.turns.length === 1);
    expect(h.turns[0]?.kind).toBe('reply');
    expect(h.turns[0]?.wake_to_speech_end_ms).toBeGreaterThanOrEqual(25);
    // An answer in the follow-up window began without a wake word.
    h.say('and you?');
    await until('the second reply', () => h.turns.length === 2);
    expect(h.turns[1]?.wake_to_speech_end_ms).toBe(-1);
  });

  it("publishes a caregiver's words cut short once silent; the wake that cut them opens a session", async () => {
    const h = (harness = new DialogueHarness());
    h.cancelDelayMs = 30;
    h.holdSpeechWhen = (goal) => goal.utterance_id.includes('-caregiver-');
    h.caregiver('say', 'Your daughter will call at six.');
    await until('the caregiver words', () => h.sayGoals.length === 1);
    h.wake();
    // Published once silent, so the opening words' record may come first.
    await until('both records', () => h.robotTurns.length === 2);
    const record = h.robotTurns.find((t) => t.kind === 'caregiver_say');
    expect(record).toMatchObject({
      session_id: '',
      user_text: '',
      reply_text: 'Your daughter will call at six.',
      interrupted: true,
      // The wake opened a session: its opening words (the AI notice) came next.
      states: ['asleep', 'speaking', 'speaking'],
      audio_path: `/tmp/${h.sayGoals[0]?.utterance_id}.wav`,
    });
    expect(record?.barge_in_to_silence_ms).toBeGreaterThanOrEqual(25);
    expect(h.robotTurns.find((t) => t.kind === 'greeting')).toMatchObject({ session_id: 'sess' });
    expect(h.openings).toHaveLength(1);
    await until('listening', () => h.dialogue.state === 'listening');
  });

  it('sends the next Generate goal what the person heard of the interrupted reply', async () => {
    const h = (harness = new DialogueHarness());
    h.llmScript = { sentences: ['Once upon a time.', 'There was a robot by the sea.'], hold: true };
    h.holdSpeechWhen = (goal) => goal.text.startsWith('There was');
    h.wordsSpokenOnCancel = 3;
    h.wake();
    await until('listening', () => h.dialogue.state === 'listening');
    h.say('tell me a story');
    await until('the second sentence', () => h.sayGoals.length === 2);
    h.wake();
    await until('the interrupted turn', () => h.turns.length === 1);
    h.say('a robot?');
    await until('the next goal', () => h.generateGoals.length === 2);
    expect(h.generateGoals[1]).toMatchObject({
      user_text: 'a robot?',
      previous_reply_heard: 'Once upon a time. There was a',
    });
    expect(h.generateGoals[0]?.previous_reply_heard).toBe('');
  });

  it("gives the session summary the mood at start and end from the affect node's estimates", async () => {
    const h = (harness = new DialogueHarness());
    affect = new AffectNode(h.transport.createNode('affect'));
    h.wake();
    await until('listening', () => h.dialogue.state === 'listening');
    h.say('I feel so sad and lonely since my sister moved away');
    await until('the first reply', () => h.turns.length === 1);
    h.say('thank you, I feel much better and calm now');
    await until('the second reply', () => h.turns.length === 2);
    h.caregiver('end-session');
    await until('the session summary', () => h.sessions.length === 1);
    const [summary] = h.sessions;
    expect(summary?.mood_start).toMatch(/^sadness (0|1)\.\d\d$/);
    expect(Number(summary?.mood_start.split(' ')[1])).toBeGreaterThan(0.3);
    expect(summary?.mood_end).toMatch(/^neutral \d\.\d\d$/);
  });

  it('keeps the last real estimate as mood_end when a goodbye ends the session', async () => {
    const h = (harness = new DialogueHarness());
    affect = new AffectNode(h.transport.createNode('affect'));
    const estimates: string[] = [];
    h.tester.createSubscription(AffectType, Topics.affect, (a) => estimates.push(a.emotion));
    h.wake();
    await until('listening', () => h.dialogue.state === 'listening');
    h.say('I feel so sad and lonely since my sister moved away');
    await until('the first reply', () => h.turns.length === 1);
    // A backchannel-like farewell carries no affect: the affect node publishes nothing for it.
    h.say('okay, goodbye');
    await until('the session summary', () => h.sessions.length === 1);
    const [summary] = h.sessions;
    expect(summary?.reason).toBe('goodbye');
    expect(summary?.mood_end).toMatch(/^sadness (0|1)\.\d\d$/);
    expect(summary?.mood_end).toBe(summary?.mood_start);
    expect(estimates).toEqual(['sadness']);
  });
});
