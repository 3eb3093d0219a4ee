import { describe, expect, it } from '@jest/globals';
import type { DialogueEvent, SessionSummaryData } from '../src/index.js';
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
  promptTokensEvaluated: 12,
  generatedTokens: 7,
  tokensPerSecond: 35,
  contextStrategy: 'window',
  model: 'tiny.gguf',
});

/** A dialogue actor that collects session summaries too. */
function start(config: Parameters<typeof startDialogue>[0] = {}) {
  const started = startDialogue(config);
  const sessions: SessionSummaryData[] = [];
  started.actor.on('session.ended', ({ summary }) => sessions.push(summary));
  return { ...started, sessions };
}

/** Wakes, says `text`, streams `reply` as one sentence, finishes generation and the speech. */
async function fullTurn(s: ReturnType<typeof start>, text: string, reply = 'I hear you.') {
  s.actor.send({ type: 'speech.final', text });
  s.clock.increment(100);
  s.effects.lastGeneration.sendBack(sentence(reply));
  s.actor.send({ type: 'tts.started', utteranceId: s.effects.lastUtterance.input.utteranceId });
  s.effects.lastGeneration.sendBack(done(reply));
  s.clock.increment(200);
  s.effects.lastUtterance.finish();
  await settle();
}

describe('barge-in', () => {
  it('keeps what was said, drops the rest, and tells the model on the next turn', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'tell me a story' });
    s.effects.lastGeneration.sendBack(sentence('Once upon a time.'));
    s.effects.lastGeneration.sendBack(sentence('There was a robot.', 1));
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.effects.lastUtterance.input.text).toBe('There was a robot.');
    s.clock.increment(50);
    s.actor.send({ type: 'user.bargeIn' });
    expect(s.publicState()).toBe('listening');
    expect(s.turns[0]).toMatchObject({
      outcome: 'interrupted',
      interrupted: true,
      replyText: 'Once upon a time. There was a robot.',
      timings: { bargeInAt: 50 },
    });
    s.actor.send({ type: 'speech.final', text: 'actually, I am tired' });
    // The next goal carries what was heard (the llm tells the model it was interrupted).
    expect(s.effects.lastGeneration.input.instruction).toBe('');
    expect(s.effects.lastGeneration.input.previousReply?.sentences).toEqual(['Once upon a time.']);
    // Only the turn right after the interruption carries it.
    s.effects.lastGeneration.sendBack(done('Rest then.'));
    s.effects.lastUtterance.finish();
    await settle();
    s.actor.send({ type: 'speech.final', text: 'ok' });
    expect(s.effects.lastGeneration.input.previousReply).toBeNull();
    s.actor.stop();
  });

  it('interrupts only the states named in interruptible_states, and never a crisis', async () => {
    const s = start({ config: { interruptibleStates: ['speaking'] } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hi' });
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('thinking');
    s.effects.lastGeneration.sendBack(sentence('Hello.'));
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('listening');

    s.actor.send({ type: 'safety.crisis', reason: 'risk' });
    s.actor.send({ type: 'config.changed', config: { interruptibleStates: ['crisis'] } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'user.bargeIn' });
    expect(s.publicState()).toBe('crisis');
    s.actor.stop();
  });

  it('on speech (when enabled) interrupts, and the words become the next turn; backchannels do not', async () => {
    const s = start({ config: { bargeInOnSpeech: true } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hello' });
    s.effects.lastGeneration.sendBack(sentence('Good morning to you.'));
    for (const backchannel of ['mm-hm', 'Okay.', 'yeah yeah', 'uh-huh', 'Right!']) {
      s.actor.send({ type: 'speech.partial', text: backchannel });
      s.actor.send({ type: 'speech.final', text: backchannel });
    }
    expect(s.publicState()).toBe('speaking');
    expect(s.turnsSoFar()).toBe(0);
    s.actor.send({ type: 'speech.final', text: 'wait, I need to tell you something' });
    expect(s.publicState()).toBe('thinking');
    expect(s.turns[0]?.interrupted).toBe(true);
    expect(s.effects.lastGeneration.input.userText).toBe('wait, I need to tell you something');
    s.actor.stop();
  });

  it('with barge_in_on_speech off (the default), speech while speaking changes nothing', () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hello' });
    s.effects.lastGeneration.sendBack(sentence('Good morning.'));
    s.actor.send({ type: 'speech.partial', text: 'and then' });
    s.actor.send({ type: 'speech.final', text: 'and then what' });
    expect(s.publicState()).toBe('speaking');
    s.actor.stop();
  });
});

describe('turn-taking for slow and hesitant speakers', () => {
  it('ends the turn after the end-of-turn silence, longer after a mid-sentence pause', () => {
    const s = start({ config: { endOfTurnSilenceMs: 1000, endOfTurnSilenceMidSentenceMs: 3000 } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.partial', text: 'I went to the doctor and' });
    s.clock.increment(2999);
    expect(s.publicState()).toBe('listening');
    s.actor.send({ type: 'speech.partial', text: 'I went to the doctor and she said I am fine' });
    s.clock.increment(999);
    expect(s.publicState()).toBe('listening');
    s.clock.increment(1);
    expect(s.publicState()).toBe('thinking');
    expect(s.effects.lastGeneration.input.userText).toBe(
      'I went to the doctor and she said I am fine',
    );
    s.actor.stop();
  });

  it('treats a comma as mid-sentence, and a final transcript ends the turn at once', () => {
    const s = start({ config: { endOfTurnSilenceMs: 1000, endOfTurnSilenceMidSentenceMs: 3000 } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.partial', text: 'Well,' });
    s.clock.increment(1500);
    expect(s.publicState()).toBe('listening');
    s.actor.send({ type: 'speech.final', text: 'Well, I miss her.' });
    expect(s.publicState()).toBe('thinking');
    s.actor.stop();
  });

  it('stops listening at max_listening_ms, taking what was heard', () => {
    const s = start({
      config: {
        endOfTurnSilenceMs: 1000,
        endOfTurnSilenceMidSentenceMs: 3000,
        maxListeningMs: 5000,
      },
    });
    s.actor.send({ type: 'wake.detected' });
    for (let i = 0; i < 6; i++) {
      s.actor.send({ type: 'speech.partial', text: `and ${i} and` });
      s.clock.increment(900);
    }
    expect(s.publicState()).toBe('thinking');
    s.actor.stop();
  });
});

describe('sessions', () => {
  it('opens on the first wake and ends after the farewell reply to a goodbye, with a summary', async () => {
    const s = start();
    s.clock.set(10_000);
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'I feel lonely');
    expect(s.publicState()).toBe('followUp');
    await fullTurn(s, 'Thank you, goodbye', 'Goodbye, take care.');
    expect(s.publicState()).toBe('asleep');
    expect(s.turns[1]).toMatchObject({
      replyText: 'Goodbye, take care.',
      states: ['followUp', 'thinking', 'speaking', 'asleep'],
      llm: {
        promptTokensEvaluated: 12,
        generatedTokens: 7,
        contextStrategy: 'window',
        model: 'tiny.gguf',
      },
    });
    expect(s.sessions).toEqual([
      {
        sessionId: 'sess',
        reason: 'goodbye',
        detail: '',
        startedAt: 10_000,
        durationMs: 600,
        turns: 2,
        interruptions: 0,
        alerts: 0,
        moodStart: '',
        moodEnd: '',
        firstAudioMeanMs: 100,
        firstAudioP50Ms: 100,
        firstAudioP95Ms: 100,
      },
    ]);
    expect(s.actor.getSnapshot().context.sessionId).toBe('');
    s.actor.stop();
  });

  it('says the whole farewell before ending: a sentence spoken before the llm is done is not the end', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'I feel lonely');
    s.actor.send({ type: 'speech.final', text: 'goodbye' });
    s.effects.lastGeneration.sendBack(sentence('Goodbye.'));
    // The first sentence is heard whole before the llm has sent the second one.
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('speaking');
    expect(s.sessions).toEqual([]);
    s.effects.lastGeneration.sendBack(sentence('Take care of yourself.', 1));
    s.effects.lastGeneration.sendBack(done('Goodbye. Take care of yourself.'));
    expect(s.effects.lastUtterance.input.text).toBe('Take care of yourself.');
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('asleep');
    expect(s.turns[1]).toMatchObject({
      replyText: 'Goodbye. Take care of yourself.',
      llm: { model: 'tiny.gguf' },
    });
    expect(s.sessions.map((session) => session.reason)).toEqual(['goodbye']);
    s.actor.stop();
  });

  it('does not end on a goodbye inside a story', async () => {
    const s = start();
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'she said goodbye to me at the station and I cried all the way home');
    expect(s.publicState()).toBe('followUp');
    expect(s.sessions).toEqual([]);
    s.actor.stop();
  });

  it('ends after session_timeout_ms of inactivity', async () => {
    const s = start({ config: { sessionTimeoutMs: 60_000, followUpWindowMs: 1000 } });
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'hello');
    s.clock.increment(1000);
    expect(s.publicState()).toBe('asleep');
    s.clock.increment(59_999);
    expect(s.sessions).toEqual([]);
    s.clock.increment(1);
    expect(s.sessions).toMatchObject([{ reason: 'inactivity', turns: 1 }]);
    s.actor.stop();
  });
});

describe('robot-initiated speech', () => {
  it('greets at session start before listening, and not again within the session', async () => {
    const s = start({
      config: { greeting: 'Hello, it is good to see you.', followUpWindowMs: 10 },
    });
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.input).toEqual({
      utteranceId: 'sess-greeting-1',
      text: 'Hello, it is good to see you.',
      groupId: '',
      strategy: '',
    });
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('listening');
    await fullTurn(s, 'hi');
    s.clock.increment(10);
    s.actor.send({ type: 'wake.detected' });
    expect(s.publicState()).toBe('listening');
    s.actor.stop();
  });

  it('checks in once after a long silence within a session, then listens without the wake word', async () => {
    const s = start({ config: { checkInAfterMs: 30_000, followUpWindowMs: 1000 } });
    s.actor.send({ type: 'wake.detected' });
    await fullTurn(s, 'hello');
    s.clock.increment(1000);
    s.clock.increment(30_000);
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.input.text).toMatch(/still here/);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('followUp');
    s.clock.increment(1000);
    s.clock.increment(30_000);
    expect(s.publicState()).toBe('asleep');
    s.actor.stop();
  });

  it("says a caregiver's words at once when idle, and queues them while the robot is busy", async () => {
    const s = start();
    s.actor.send({ type: 'caregiver.say', text: 'Your daughter will call at six.' });
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.input.text).toBe('Your daughter will call at six.');
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('asleep');

    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'hi' });
    s.actor.send({ type: 'caregiver.say', text: 'Lunch is ready.' });
    expect(s.publicState()).toBe('thinking');
    s.effects.lastGeneration.sendBack(sentence('Hello.'));
    s.effects.lastGeneration.sendBack(done('Hello.'));
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('speaking');
    expect(s.effects.lastUtterance.input.text).toBe('Lunch is ready.');
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('followUp');
    s.actor.stop();
  });
});

describe('crisis', () => {
  it('cancels the reply, says the fixed message, ignores everything but the acknowledgement', async () => {
    const s = start({ config: { crisisMessage: 'I am here. Help is coming.' } });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'I want to end it' });
    s.effects.lastGeneration.sendBack(sentence('Hmm.'));
    const reply = s.effects.lastUtterance;
    s.actor.send({ type: 'safety.crisis', reason: 'suicidal ideation' });
    expect(s.publicState()).toBe('crisis');
    expect(s.effects.lastGeneration.cancelled).toBe(true);
    expect(reply.signal.aborted).toBe(true);
    expect(s.turns[0]).toMatchObject({ outcome: 'crisis', interrupted: false });
    expect(s.effects.lastUtterance.input.text).toBe('I am here. Help is coming.');
    s.effects.lastUtterance.finish();
    await settle();
    for (const event of [
      { type: 'wake.detected' },
      { type: 'user.bargeIn' },
      { type: 'caregiver.pause' },
      { type: 'session.end', reason: 'x' },
      { type: 'speech.final', text: 'hello?' },
    ] as DialogueEvent[]) {
      s.actor.send(event);
    }
    s.clock.increment(10 * 60_000);
    expect(s.publicState()).toBe('crisis');
    s.actor.send({ type: 'caregiver.ackAlert', alertId: 'a1' });
    expect(s.publicState()).toBe('listening');
    s.actor.send({ type: 'session.end', reason: 'done' });
    expect(s.sessions).toMatchObject([{ reason: 'caregiver', alerts: 1 }]);
    s.actor.stop();
  });
});
