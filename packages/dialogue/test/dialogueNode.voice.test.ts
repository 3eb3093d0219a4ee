/**
 * The dialogue node with audio_in's voice activity on the in-process graph: the end of the voice
 * dates the turn, a voice that outlasts a backchannel barges in (the robot's own voice does not),
 * and the web console's preview gestures are not part of any turn.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { DialogueHarness, until } from './support/graphHarness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DialogueNode and voice activity', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it("dates the end of speech from the voice's end: the transcript delay is a stage of its own", async () => {
    const h = (harness = new DialogueHarness({ follow_up_window_ms: 5000 }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    const start = h.tester.clock.nowMs();
    h.voice('start', start);
    await sleep(20);
    h.voice('end', start, h.tester.clock.nowMs());
    // The recognizer takes its time with the final transcript.
    await sleep(150);
    h.say('I feel tired today');
    await until('a turn record', () => h.turns.length === 1);
    const [turn] = h.turns;
    expect(turn?.transcript_delay_ms).toBeGreaterThanOrEqual(140);
    expect(turn?.wake_to_speech_end_ms).toBeGreaterThanOrEqual(15);
    // Every later stage counts from the voice's end, so it includes the transcript delay.
    expect(turn?.llm_first_token_ms).toBeGreaterThanOrEqual(turn?.transcript_delay_ms ?? 0);
  });

  it('keeps the transcript arrival for typed text', async () => {
    const h = (harness = new DialogueHarness({ follow_up_window_ms: 5000 }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('hello');
    await until('a turn record', () => h.turns.length === 1);
    expect(h.turns[0]?.transcript_delay_ms).toBe(-1);
  });

  it("barges in on a voice that outlasts a backchannel, but not on the robot's own voice", async () => {
    const h = (harness = new DialogueHarness({
      barge_in_on_speech: true,
      barge_in_min_speech_ms: 30,
      barge_in_echo_margin_ms: 400,
    }));
    h.holdSpeech = true;
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.say('tell me a story');
    await until('speaking', () => h.sayGoals.length === 1);

    // The tts speaks: a voice heard now is the robot's own unless it lasts the echo margin.
    h.robotSpeech('start');
    await sleep(10);
    const echo = h.tester.clock.nowMs();
    h.voice('start', echo);
    await sleep(150);
    h.voice('end', echo, h.tester.clock.nowMs());
    await sleep(50);
    expect(h.dialogue.state).toBe('speaking');
    expect(h.turns).toHaveLength(0);

    // The person talks over the robot: the voice goes on past the echo margin.
    const over = h.tester.clock.nowMs();
    h.voice('start', over);
    await until('the interrupted turn', () => h.turns.length === 1);
    expect(h.tester.clock.nowMs() - over).toBeGreaterThanOrEqual(350);
    expect(h.turns[0]).toMatchObject({ interrupted: true, user_text: 'tell me a story' });
    expect(h.dialogue.state).toBe('listening');
    expect(h.cancelled).toContain('say:sess-1-0');
  });

  it("leaves the web console's preview gestures and stop commands out of the turn's gestures", async () => {
    const h = (harness = new DialogueHarness({ follow_up_window_ms: 5000 }));
    h.wake();
    await until('listening', () => h.stateNames.includes('listening'));
    h.gesture('wave', 'preview');
    h.gesture('breathe', 'stop');
    h.gesture('lean-in', 'state');
    await sleep(20);
    h.say('hello');
    await until('a turn record', () => h.turns.length === 1);
    expect(h.turns[0]?.gestures).toEqual(['lean-in', 'nod-1']);
  });
});
