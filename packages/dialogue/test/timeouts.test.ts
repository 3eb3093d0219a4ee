/**
 * Never stuck: each wait on another node is bounded. With fake timers: a tts that never answers
 * a cancel (the say actor and the silence tracker give up and log), and, on the machine's
 * simulated clock, an llm that never answers, an llm that stops mid-reply and a tts that never
 * finishes (the robot gives up on the reply, recovers and listens again).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  createLoggerFactory,
  LogCapture,
  type ActionClient,
  type ClientGoalHandle,
  type Logger,
} from '@hearth/graph';
import type { SayFeedback, SayGoal, SayResult } from '@hearth/interfaces';
import { createActor, type AnyActorRef } from 'xstate';
import {
  createSayActor,
  DIALOGUE_SYSTEM_ID,
  SilenceTracker,
  type CancelledSpeech,
} from '../src/index.js';
import { llmSentence, settle, startDialogue } from './support/fakeActors.js';

/** The graph's own logger, captured in memory; `warnings()` lists the messages logged at warn. */
function recordingLogger(): { logger: Logger; warnings: () => string[] } {
  const capture = new LogCapture();
  const logger = createLoggerFactory({ level: 'debug', capture })('dialogue');
  return { logger, warnings: () => capture.linesOf('dialogue', 'warn').map((r) => r.msg) };
}

/** A tts whose goals are accepted and never finish, not even when cancelled. */
function silentTts(): { client: ActionClient<SayGoal, SayResult, SayFeedback>; goals: SayGoal[] } {
  const goals: SayGoal[] = [];
  const client: ActionClient<SayGoal, SayResult, SayFeedback> = {
    name: 'say',
    waitForServer: () => Promise.resolve(true),
    sendGoal: (goal) => {
      goals.push(goal);
      const handle: ClientGoalHandle<SayResult> = {
        goalId: `g${goals.length}`,
        accepted: true,
        result: new Promise(() => undefined),
        cancel: () => Promise.resolve(),
      };
      return Promise.resolve(handle);
    },
  };
  return { client, goals };
}

describe('the waits for silence are bounded (fake timers)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('the say actor gives up on a tts that never answers a cancel, and logs it', async () => {
    const { logger, warnings } = recordingLogger();
    const tts = silentTts();
    const cancellations: Promise<CancelledSpeech | undefined>[] = [];
    const say = createSayActor(tts.client, logger, (silenced) => cancellations.push(silenced), {
      cancelTimeoutMs: () => 3000,
    });
    const actor: AnyActorRef = createActor(say, {
      systemId: DIALOGUE_SYSTEM_ID,
      input: { utteranceId: 'u-1', text: 'Hello there.', groupId: 'g', strategy: 'Question' },
    });
    actor.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(tts.goals.map((g) => [g.utterance_id, g.strategy])).toEqual([['u-1', 'Question']]);
    actor.stop();
    expect(cancellations).toHaveLength(1);
    let answer: CancelledSpeech | undefined | 'pending' = 'pending';
    void cancellations[0]?.then((value) => (answer = value));
    await jest.advanceTimersByTimeAsync(2999);
    expect(answer).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toBeUndefined();
    expect(warnings()).toEqual([expect.stringMatching(/gave up waiting for the tts/)]);
  });

  it('the silence tracker gives up on a cancellation that never settles, then waits no more', async () => {
    const { logger, warnings } = recordingLogger();
    const tracker = new SilenceTracker({ logger, timeoutMs: () => 500 });
    tracker.track(new Promise<CancelledSpeech | undefined>(() => undefined));
    let silent = false;
    void tracker.whenSilent().then(() => (silent = true));
    await jest.advanceTimersByTimeAsync(499);
    expect(silent).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(silent).toBe(true);
    expect(warnings()).toEqual([
      expect.stringMatching(/gave up waiting for the robot to fall silent/),
    ]);
    // The stuck cancellation does not hold later waits (nor the next turn's words-spoken).
    await expect(tracker.takeWordsSpoken('u-1')).resolves.toBe(0);
  });
});

describe('the machine gives up on a reply nobody answers (simulated clock)', () => {
  const config = { respondingTimeoutMs: 20000, recoveryTimeoutMs: 5000 };

  function inThinking() {
    const s = startDialogue({ config });
    s.actor.send({ type: 'wake.detected' });
    s.actor.send({ type: 'speech.final', text: 'are you there' });
    expect(s.publicState()).toBe('thinking');
    return s;
  }

  it('an llm that never answers: recovering, the generation cancelled, then listening', async () => {
    const s = inThinking();
    s.clock.increment(19999);
    expect(s.publicState()).toBe('thinking');
    s.clock.increment(1);
    expect(s.publicState()).toBe('recovering');
    expect(s.effects.lastGeneration.cancelled).toBe(true);
    expect(s.effects.lastUtterance.input.text).toMatch(/sorry/i);
    s.effects.lastUtterance.finish();
    await settle();
    expect(s.publicState()).toBe('listening');
    expect(s.turns.at(-1)).toMatchObject({
      outcome: 'failed',
      fallback: true,
      failure: expect.stringMatching(/gave up waiting for the llm: no sentence within 20000 ms/),
    });
  });

  it('an llm that stops in the middle of a reply: recovering once speech has caught up', async () => {
    const s = inThinking();
    s.effects.lastGeneration.sendBack(llmSentence('Yes, I am here.', 0, 'Affirmation'));
    expect(s.effects.lastUtterance.input.strategy).toBe('Affirmation');
    s.clock.increment(15000);
    s.effects.lastUtterance.finish();
    await settle();
    // The wait for the next sentence starts when speech catches up.
    s.clock.increment(19999);
    expect(s.publicState()).toBe('speaking');
    s.clock.increment(1);
    expect(s.publicState()).toBe('recovering');
    expect(s.effects.lastGeneration.cancelled).toBe(true);
  });

  it('a tts that never finishes, nor says the apology: recovering, then listening on its own', () => {
    const s = inThinking();
    s.effects.lastGeneration.sendBack(llmSentence('Yes.'));
    const stuck = s.effects.lastUtterance;
    s.clock.increment(20000);
    expect(s.publicState()).toBe('recovering');
    expect(stuck.signal.aborted).toBe(true);
    s.clock.increment(5000);
    expect(s.publicState()).toBe('listening');
    expect(s.turns.at(-1)?.failure).toMatch(
      /gave up waiting for the tts: utterance sess-1-0 not finished within 20000 ms/,
    );
  });
});
