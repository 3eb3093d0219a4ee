/**
 * What the machine records beyond the reply itself: a turn record for every piece of
 * robot-initiated speech, the heard part of an interrupted reply for the next Generate goal, the
 * wake-to-speech-end time, and the session's mood from the affect estimates.
 */
import { describe, expect, it } from '@jest/globals';
import { heardText, moodOf, type DialogueEvent, type SessionSummaryData } from '../src/index.js';
import { settle, startDialogue } from './support/fakeActors.js';

const sentence = (text: string, index = 0): DialogueEvent => ({
  type: 'llm.sentence',
  sentence: text,
  index,
  strategy: '',
  firstTokenMs: 0,
});
const done = (reply: string): DialogueEvent => ({
  type: 'llm.done',
  reply,
  strategy: '',
  fallback: false,
});

function start(config: Parameters<typeof startDialogue>[0] = {}) {
  const started = startDialogue(config);
  const sessions: SessionSummaryData[] = [];
  started.actor.on('session.ended', ({ summary }) => sessions.push(summary));
  return { ...started, sessions };
}

/** Says `text` and lets the reply be generated and said in full. */
async function fullTurn(s: ReturnType<typeof start>, text: string, reply = 'I hear you.') {
  s.actor.send({ type: 'speech.final', text });
  s.effects.lastGeneration.sendBack(sentence(reply));
  s.effects.lastGeneration.sendBack(done(reply));
  s.effects.lastUtterance.finish();
  await settle();
}

describe('robot-initiated speech makes a turn record', () => {
  it('records the greeting with its own path, times from its start, and no user text', async () => {
    const s = start({ config: { greeting: 'Hello there.' } });
    s.clock.increment(1000);
    s.actor.send({ type: 'wake.detected' });
    s.clock.increment(40);
    s.actor.send({ type: 'tts.started', utteranceId: 'sess-greeting-1' });
    s.actor.send({ type: 'gesture.performed', name: 'wave' });
    s.clock.increment(500);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('listening');
    expect(s.robotTurns).toHaveLength(1);
    expect(s.robotTurns[0]).toMatchObject({
      kind: 'greeting',
      sessionId: 'sess',
      turnIndex: 0,
      userText: '',
      replyText: 'Hello there.',
      states: ['asleep', 'speaking', 'listening'],
      gestures: ['wave'],
      audioPath: '/tmp/sess-greeting-1.wav',
      outcome: 'spoken',
      interrupted: false,
      durations: {
        llmFirstTokenMs: -1,
        llmTotalMs: -1,
        ttsFirstAudioMs: 40,
        turnTotalMs: 540,
        wakeToSpeechEndMs: -1,
      },
    });
    // The greeting's gesture and first audio are its own, not the first reply's.
    await fullTurn(s, 'hi');
    expect(s.turns[0]).toMatchObject({
      kind: 'reply',
      gestures: [],
      states: ['asleep', 'listening', 'thinking', 'speaking', 'followUp'],
      durations: { ttsFirstAudioMs: -1 },
    });
    expect(s.robotTurns).toHaveLength(1);
    s.actor.stop();
  });

  it('records the check-in, the re-prompt and a caregiver say, each with its kind', async () => {
    const s = start({
      config: { checkInAfterMs: 30_000, followUpWindowMs: 1000, noSpeechTimeoutMs: 5000 },
    });
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'hello');
    s.clock.increment(1000);
    s.clock.increment(30_000);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('followUp');

    s.actor.send({ type: 'wake.detected' });
    s.clock.increment(5000);
    expect(s.publicState()).toBe('speaking');
    s.effects.lastUtterance.finish();
    await settle();

    s.actor.send({ type: 'caregiver.say', text: 'Lunch is ready.' });
    s.effects.lastUtterance.finish();
    await settle();

    expect(s.robotTurns.map((t) => [t.kind, t.turnIndex, t.replyText, t.states])).toEqual([
      [
        'check_in',
        1,
        'I am still here if you would like to talk.',
        ['asleep', 'speaking', 'followUp'],
      ],
      [
        'reprompt',
        1,
        "I'm here whenever you're ready. Take your time.",
        ['listening', 'speaking', 'listening'],
      ],
      ['caregiver_say', 1, 'Lunch is ready.', ['listening', 'speaking', 'listening']],
    ]);
    // Robot-initiated speech is not a turn of the person's.
    s.actor.send({ type: 'session.end', reason: 'done' });
    expect(s.sessions).toMatchObject([{ turns: 1 }]);
    s.actor.stop();
  });

  it('records robot speech cut short by a barge-in as interrupted, with the barge-in time', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'hello');
    s.actor.send({ type: 'caregiver.say', text: 'Your daughter will call at six.' });
    s.clock.increment(300);
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('listening');
    expect(s.robotTurns).toMatchObject([
      {
        kind: 'caregiver_say',
        interrupted: true,
        outcome: 'interrupted',
        replyText: 'Your daughter will call at six.',
        states: ['followUp', 'speaking', 'listening'],
        timings: { bargeInAt: 300 },
        durations: { turnTotalMs: 300 },
      },
    ]);
    // Robot speech cut short is not an interrupted reply of the session.
    s.actor.send({ type: 'session.end', reason: 'done' });
    expect(s.sessions).toMatchObject([{ interruptions: 0 }]);
    s.actor.stop();
  });

  it('records robot speech that failed or that a crisis cut short', async () => {
    const s = start();
    s.actor.send({ type: 'caregiver.say', text: 'Hello.' });
    s.effects.lastUtterance.fail(new Error('espeak-ng crashed'));
    await settle();
    s.actor.send({ type: 'caregiver.say', text: 'Good morning.' });
    s.actor.send({ type: 'safety.crisis', reason: 'test' });
    expect(s.publicState()).toBe('crisis');
    expect(s.robotTurns.map((t) => [t.kind, t.outcome, t.replyText, t.states.at(-1)])).toEqual([
      ['caregiver_say', 'failed', '', 'asleep'],
      ['caregiver_say', 'interrupted', 'Good morning.', 'crisis'],
    ]);
    s.actor.stop();
  });
});

describe('after a barge-in, the next Generate goal carries the interrupted reply', () => {
  it('names the sentences said whole and the utterance cut short', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me a story' });
    s.effects.lastGeneration.sendBack(sentence('Once upon a time.'));
    s.effects.lastGeneration.sendBack(sentence('There was a robot by the sea.', 1));
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ type: 'user.bargeIn' });
    s.actor.send({ type: 'speech.final', text: 'wait, a robot?' });
    expect(s.effects.lastGeneration.input.previousReply).toEqual({
      sentences: ['Once upon a time.'],
      cut: { utteranceId: 'sess-1-1', text: 'There was a robot by the sea.' },
    });
    // Only the turn right after the barge-in carries it.
    s.effects.lastGeneration.sendBack(sentence('Yes, a robot.'));
    s.effects.lastGeneration.sendBack(done('Yes, a robot.'));
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('followUp');
    await fullTurn(s, 'and then?');
    expect(s.effects.lastGeneration.input.previousReply).toBeNull();
    s.actor.stop();
  });

  it('has no cut sentence when the barge-in came between sentences or before any', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hello' });
    s.actor.send({ type: 'user.bargeIn' });
    s.actor.send({ type: 'speech.final', text: 'sorry' });
    expect(s.effects.lastGeneration.input.previousReply).toEqual({ sentences: [], cut: null });
    s.actor.stop();
  });

  it('carries the reply a caregiver pause cut short too, once the robot is back', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me a story' });
    s.effects.lastGeneration.sendBack(sentence('Once upon a time.'));
    s.actor.send({ type: 'caregiver.pause' });
    s.actor.send({ type: 'caregiver.resume' });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'where were we?' });
    expect(s.effects.lastGeneration.input.previousReply).toEqual({
      sentences: [],
      cut: { utteranceId: 'sess-1-0', text: 'Once upon a time.' },
    });
    s.actor.stop();
  });

  it('heardText joins the whole sentences and the spoken words of the cut one', () => {
    const reply = {
      sentences: ['Once upon a time.'],
      cut: { utteranceId: 'u', text: 'There was  a robot by the sea.' },
    };
    expect(heardText(reply, 3)).toBe('Once upon a time. There was a');
    expect(heardText(reply, 0)).toBe('Once upon a time.');
    expect(heardText(reply, 99)).toBe('Once upon a time. There was a robot by the sea.');
    expect(heardText({ sentences: [], cut: null }, 0)).toBe('');
  });
});

describe('wake to speech end', () => {
  it('is measured from the wake word, and -1 for an answer in the follow-up window', async () => {
    const s = start({ config: { followUpWindowMs: 10_000 } });
    s.actor.send({ type: 'wake.detected' });
    s.clock.increment(2500);
    await fullTurn(s, 'hello');
    s.clock.increment(100);
    await fullTurn(s, 'and another thing');
    expect(s.turns.map((t) => t.durations.wakeToSpeechEndMs)).toEqual([2500, -1]);
    s.actor.stop();
  });
});

describe('mood at session start and end', () => {
  it('takes the first and the last affect estimate of the session', async () => {
    const s = start();
    s.actor.send({ type: 'affect.estimated', sessionId: '', emotion: 'anxiety', intensity: 0.9 });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({
      type: 'affect.estimated',
      sessionId: 'sess',
      emotion: 'sadness',
      intensity: 0.6234,
    });
    await fullTurn(s, 'I miss my sister');
    s.actor.send({ type: 'affect.estimated', sessionId: 'other', emotion: 'anger', intensity: 1 });
    s.actor.send({ type: 'affect.estimated', sessionId: 'sess', emotion: 'neutral', intensity: 0 });
    s.actor.send({ type: 'session.end', reason: 'done' });
    expect(s.sessions).toMatchObject([{ moodStart: 'sadness 0.62', moodEnd: 'neutral 0.00' }]);
    expect(moodOf('fear', 1.7)).toBe('fear 1.00');
    s.actor.stop();
  });
});
