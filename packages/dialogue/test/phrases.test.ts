import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_DIALOGUE_CONFIG,
  endsMidSentence,
  isBackchannel,
  isGoodbye,
  mean,
  percentile,
} from '../src/index.js';

const { backchannels, goodbyePhrases } = DEFAULT_DIALOGUE_CONFIG;

describe('phrase matchers', () => {
  it('knows backchannels, whatever their case and punctuation, and nothing longer', () => {
    for (const text of [
      'mm-hm',
      'Mm-hm.',
      'okay',
      'OK!',
      'yeah, yeah',
      'uh-huh',
      'Right.',
      'I see',
    ]) {
      expect([text, isBackchannel(text, backchannels)]).toEqual([text, true]);
    }
    for (const text of ['', 'okay but wait', 'yeah I think so', 'stop']) {
      expect([text, isBackchannel(text, backchannels)]).toEqual([text, false]);
    }
  });

  it('knows goodbyes, alone or at the end of a short line', () => {
    for (const text of [
      'Goodbye.',
      'bye',
      'Good night!',
      'see you',
      'okay, bye',
      'thank you, good night',
    ]) {
      expect([text, isGoodbye(text, goodbyePhrases)]).toEqual([text, true]);
    }
    for (const text of [
      'she said goodbye and left',
      'I could not say goodbye to my husband before he died',
      'byebye is a word',
    ]) {
      expect([text, isGoodbye(text, goodbyePhrases)]).toEqual([text, false]);
    }
  });

  it('tells a mid-sentence pause from the end of a sentence', () => {
    for (const text of ['I went out and', 'Well,', 'because', 'it was, um', 'my sister -']) {
      expect([text, endsMidSentence(text)]).toEqual([text, true]);
    }
    for (const text of ['I went out.', 'Is that all?', 'I miss her', '']) {
      expect([text, endsMidSentence(text)]).toEqual([text, false]);
    }
  });

  it('computes latency statistics (nearest rank), -1 for none', () => {
    expect(percentile([], 50)).toBe(-1);
    expect(mean([])).toBe(-1);
    const values = [400, 100, 300, 200, 1000];
    expect(mean(values)).toBe(400);
    expect(percentile(values, 50)).toBe(300);
    expect(percentile(values, 95)).toBe(1000);
  });
});
