import { describe, expect, it } from '@jest/globals';
import { strokeWord } from '../src/choose/strokeWord.js';
import type { SentenceCue } from '../src/profile/GestureProfile.js';
import { WordAligner, type AlignedBy } from '../src/timing/WordAligner.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

const greeting: SentenceCue = {
  gesture: 'wave',
  words: [['good', 'morning'], ['hello']],
  endsWith: [],
};
const question: SentenceCue = { gesture: 'head_tilt', words: [], endsWith: ['?'] };

describe('strokeWord', () => {
  it('takes the first content word, or the first word when all are function words', () => {
    expect(strokeWord('I understand how heavy that must feel.')).toEqual({
      index: 1,
      word: 'understand',
    });
    // Negation carries the stress, and the stopword list keeps it out.
    expect(strokeWord('And you are not alone in this.')).toEqual({ index: 3, word: 'not' });
    expect(strokeWord('I am.')).toEqual({ index: 0, word: 'i' });
    expect(strokeWord('...')).toBeUndefined();
  });

  it("takes the cue's own word: a phrase's first word, or a question's last", () => {
    expect(strokeWord('Well, good morning to you!', greeting)).toEqual({ index: 1, word: 'good' });
    expect(strokeWord('Oh hello there.', greeting)).toEqual({ index: 1, word: 'hello' });
    expect(strokeWord('How did you sleep?', question)).toEqual({ index: 3, word: 'sleep' });
  });
});

describe('WordAligner', () => {
  function aligner(): {
    timers: ManualTimers;
    fired: [string, AlignedBy, number][];
    a: WordAligner<string>;
  } {
    const timers = new ManualTimers();
    const fired: [string, AlignedBy, number][] = [];
    const a = new WordAligner<string>(timers, (payload, by) =>
      fired.push([payload, by, timers.nowMs()]),
    );
    return { timers, fired, a };
  }

  it('releases on the word at the stroke place, per utterance', () => {
    const { timers, fired, a } = aligner();
    a.expect('u1', { index: 2, word: 'heavy' }, 'g1', 500);
    a.expect('u2', { index: 0, word: 'hello' }, 'g2', 500);
    a.word('u1', 'It');
    a.word('u1', 'feels');
    expect(fired).toEqual([]);
    timers.advance(40);
    a.word('u2', 'Hello');
    a.word('u1', 'heavy');
    expect(fired).toEqual([
      ['g2', 'word', 40],
      ['g1', 'word', 40],
    ]);
    timers.advance(1000); // no fallback after release
    expect(fired).toHaveLength(2);
  });

  it("releases a word early on the stroke word's text (an engine that joined two words)", () => {
    const { fired, a } = aligner();
    a.expect('u', { index: 2, word: 'heavy' }, 'g', 500);
    a.word('u', "It's");
    a.word('u', 'heavy');
    expect(fired.map(([payload]) => payload)).toEqual(['g']);
  });

  it('falls back without word events, and drops the gesture when the sentence ends first', () => {
    const { timers, fired, a } = aligner();
    a.expect('silent', { index: 1, word: 'see' }, 'fallback', 500);
    timers.advance(500);
    expect(fired).toEqual([['fallback', 'no_word_timing', 500]]);
    a.expect('cut', { index: 5, word: 'later' }, 'dropped', 500);
    a.word('cut', 'We');
    expect(a.end('cut')).toBe(true);
    timers.advance(5000);
    expect(fired).toHaveLength(1);
    a.dispose();
    expect(timers.pendingCount).toBe(0);
  });
});
