import { describe, expect, it } from '@jest/globals';
import { bearsAffect, estimateAffect, MAX_AFFECTLESS_WORDS } from '../src/index.js';

describe('bearsAffect (affect per turn, not per utterance)', () => {
  it.each(['yeah', 'mm-hm', 'okay, goodbye', 'see you later', 'ok', 'good night', 'That is fine'])(
    'a short neutral line or backchannel tells nothing: %s',
    (text) => {
      expect(bearsAffect(estimateAffect(text))).toBe(false);
    },
  );

  it.each(['I am sad', 'not okay', 'feeling better', 'so anxious', 'scared'])(
    'a short line with an affect-bearing word counts: %s',
    (text) => {
      expect(bearsAffect(estimateAffect(text))).toBe(true);
    },
  );

  it(`counts any line of more than ${MAX_AFFECTLESS_WORDS} words, neutral or not`, () => {
    const estimate = estimateAffect('We had soup for lunch.');
    expect(estimate.emotion).toBe('neutral');
    expect(estimate.wordCount).toBe(5);
    expect(bearsAffect(estimate)).toBe(true);
  });
});
