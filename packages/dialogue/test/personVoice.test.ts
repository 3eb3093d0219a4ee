import { describe, expect, it } from '@jest/globals';
import type { DialogueEvent } from '../src/index.js';
import { PersonVoice } from '../src/node/PersonVoice.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

function setup(settings = { minSpeechMs: 500, echoMarginMs: 1500 }) {
  const timers = new ManualTimers();
  const events: DialogueEvent[] = [];
  const current = { ...settings };
  const voice = new PersonVoice(
    (event) => events.push(event),
    () => current,
    timers,
    400,
  );
  const types = () => events.map((event) => event.type);
  return { timers, events, voice, types, settings: current };
}

describe('PersonVoice', () => {
  it("passes the person's voice on at once and says it is sustained after the minimum", () => {
    const { timers, events, voice, types } = setup();
    timers.now = 1100;
    // The start message comes after the detector's onset frames: counted from the segment's start.
    voice.hear('start', 1000, 1000);
    expect(events).toEqual([{ type: 'voice.started', at: 1000 }]);
    timers.advance(399);
    expect(types()).toEqual(['voice.started']);
    timers.advance(1);
    expect(types()).toEqual(['voice.started', 'voice.sustained']);
    voice.hear('end', 2500, 1000);
    expect(events.at(-1)).toEqual({ type: 'voice.ended', at: 2500 });
  });

  it('never says a short segment (a backchannel) is sustained, but its end still dates speech', () => {
    const { timers, events, voice } = setup();
    voice.hear('start', 0, 0);
    timers.advance(300);
    voice.hear('end', 300, 0);
    timers.advance(1000);
    expect(events).toEqual([
      { type: 'voice.started', at: 0 },
      { type: 'voice.ended', at: 300 },
    ]);
    expect(timers.pendingCount).toBe(0);
  });

  it('ignores a voice that began while the robot spoke unless it outlasts the echo margin', () => {
    const { timers, events, voice, types } = setup();
    voice.robotSpeech('start', 0);
    voice.hear('start', 100, 100);
    timers.advance(1000);
    voice.hear('end', 1000, 100);
    expect(events).toEqual([]);
    // A longer one is the person talking over the robot.
    timers.advance(200);
    voice.hear('start', 1200, 1200);
    timers.advance(1499);
    expect(events).toEqual([]);
    timers.advance(100);
    expect(types()).toEqual(['voice.started', 'voice.sustained']);
    expect(events[0]).toEqual({ type: 'voice.started', at: 1200 });
    voice.hear('end', 3000, 1200);
    expect(types()).toEqual(['voice.started', 'voice.sustained', 'voice.ended']);
  });

  it('counts the echo tail after the robot stopped, and judges an end without its start by it', () => {
    const { timers, events, voice } = setup();
    voice.robotSpeech('start', 0);
    voice.robotSpeech('end', 1000);
    voice.hear('start', 1300, 1300);
    expect(events).toEqual([]);
    voice.hear('end', 1600, 1300);
    expect(events).toEqual([]);
    voice.hear('start', 1500, 1500);
    expect(events).toEqual([{ type: 'voice.started', at: 1500 }]);
    voice.dispose();
    timers.advance(10000);
    expect(events).toHaveLength(1);
    const fresh = setup();
    fresh.voice.hear('end', 900, 200);
    expect(fresh.events).toEqual([{ type: 'voice.ended', at: 900 }]);
  });

  it('reads its settings at each segment start (runtime parameters)', () => {
    const { timers, voice, types, settings } = setup();
    settings.minSpeechMs = 50;
    voice.hear('start', 0, 0);
    timers.advance(50);
    expect(types()).toEqual(['voice.started', 'voice.sustained']);
  });
});
