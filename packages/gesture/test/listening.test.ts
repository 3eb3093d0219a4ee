import { describe, expect, it } from '@jest/globals';
import {
  activeListening,
  initialListeningState,
  type ListeningEvent,
} from '../src/listen/activeListening.js';
import { inferStrategy } from '../src/choose/inferStrategy.js';
import { visemeMouth } from '../src/lipsync/visemeMouth.js';

const params = { pauseMs: 700, minIntervalMs: 3000 };

/** Runs events through the function; returns the times at which it cued a nod. */
function cues(events: ListeningEvent[]): number[] {
  let state = initialListeningState;
  const at: number[] = [];
  for (const event of events) {
    const next = activeListening(state, event, params);
    state = next.state;
    if (next.cue) at.push(event.atMs);
  }
  return at;
}

describe('activeListening', () => {
  it('nods once on a pause in the speech, not during it', () => {
    expect(
      cues([
        { kind: 'listening', listening: true, atMs: 0 },
        { kind: 'speech', atMs: 100 },
        { kind: 'speech', atMs: 500 },
        { kind: 'silence', atMs: 900 }, // only 400 ms of silence
        { kind: 'silence', atMs: 1200 }, // 700 ms: a pause
        { kind: 'silence', atMs: 1500 }, // the same pause: no second nod
      ]),
    ).toEqual([1200]);
  });

  it('keeps nods apart by the least interval, and nods again on a later pause', () => {
    expect(
      cues([
        { kind: 'listening', listening: true, atMs: 0 },
        { kind: 'speech', atMs: 0 },
        { kind: 'silence', atMs: 800 },
        { kind: 'speech', atMs: 1000 },
        { kind: 'silence', atMs: 1800 }, // a pause, but only 1 s after the last nod
        { kind: 'speech', atMs: 3000 },
        { kind: 'silence', atMs: 4000 },
      ]),
    ).toEqual([800, 4000]);
  });

  it('never nods outside listening or after the utterance is final (the robot takes the turn)', () => {
    expect(
      cues([
        { kind: 'speech', atMs: 0 },
        { kind: 'silence', atMs: 1000 },
        { kind: 'listening', listening: true, atMs: 2000 },
        { kind: 'speech', atMs: 2100 },
        { kind: 'final', atMs: 2200 },
        { kind: 'silence', atMs: 3000 },
        { kind: 'speech', atMs: 4000 },
        { kind: 'listening', listening: false, atMs: 4100 },
        { kind: 'silence', atMs: 5000 },
      ]),
    ).toEqual([]);
  });
});

describe('inferStrategy', () => {
  it.each([
    ['It sounds like you have been carrying a lot.', 'Reflection of feelings'],
    ['You must feel so tired.', 'Reflection of feelings'],
    ['How did you sleep last night?', 'Question'],
    ['Have you tried writing down what worries you?', 'Providing Suggestions'],
    ['Maybe you could call your sister tonight.', 'Providing Suggestions'],
    ['A short walk can really help.', 'Providing Suggestions'],
    ["It's okay to feel this way.", 'Affirmation and Reassurance'],
    ["You're not alone in this.", 'Affirmation and Reassurance'],
    ['So you are worried about the results.', 'Restatement or Paraphrasing'],
    ['I have felt lonely too, at times.', 'Self-disclosure'],
    ['Many people find the first weeks the hardest.', 'Information'],
  ])('%s → %s', (sentence, strategy) => {
    expect(inferStrategy(sentence)).toBe(strategy);
  });

  it('gives no strategy for a sentence with no cue', () => {
    expect(inferStrategy('Thank you for telling me.')).toBeUndefined();
  });
});

describe('visemeMouth', () => {
  it('opens wide on open vowels and closes on silence and lip closures, in both viseme sets', () => {
    expect(visemeMouth('0')).toBe(0);
    expect(visemeMouth('21')).toBe(0);
    expect(visemeMouth('2')).toBeGreaterThan(0.8);
    expect(visemeMouth('aa')).toBeGreaterThan(0.8);
    expect(visemeMouth('PP')).toBe(0);
    expect(visemeMouth('sil')).toBe(0);
    expect(visemeMouth('SS')).toBeLessThan(0.3);
  });

  it('half opens for a viseme it does not know', () => {
    expect(visemeMouth('99')).toBe(0.5);
    expect(visemeMouth('zz')).toBe(0.5);
  });
});
