import { describe, expect, it } from '@jest/globals';
import { defaultContextOptions, negationWords, stripStopwords } from '@hearth/llm';
import type { Utterance } from '../src/data/types.js';
import { compressHistory } from '../src/history/compressHistory.js';

const seeker = (text: string): Utterance => ({ speaker: 'seeker', text, strategy: '' });
const supporter = (text: string): Utterance => ({ speaker: 'supporter', text, strategy: 'Other' });

// Three turns (seeker then supporter) and two pending seeker utterances.
const long: Utterance[] = [
  seeker('I lost my job at the end of the month.'),
  supporter('That is a lot to carry on your own.'),
  seeker('My sister says that it was not my fault.'),
  supporter('It sounds like she is there for you.'),
  seeker('She is, but I am still so worried about the rent.'),
  supporter('Worry about the rent is very hard.'),
  seeker('And now I cannot sleep at all.'),
  seeker('It is the same every night.'),
];

describe('compressHistory (the stopword ablation)', () => {
  it('keeps the newest keep_recent_turns turns and the pending words whole, strips older turns', () => {
    const compressed = compressHistory(long, 2);
    // Turn 1 (utterances 0, 1) is older than the newest 2 turns: stripped by the node's code.
    expect(compressed[0]?.text).toBe('lost job end month.');
    expect(compressed[1]?.text).toBe(stripStopwords(long[1]?.text ?? ''));
    expect(compressed[1]?.text).toBe('lot carry own.');
    // Turns 2 and 3 and the pending seeker utterances are as written.
    expect(compressed.slice(2)).toEqual(long.slice(2));
  });

  it('defaults to the llm node’s keep_recent_turns', () => {
    expect(defaultContextOptions.keepRecentTurns).toBe(2);
    expect(compressHistory(long)).toEqual(compressHistory(long, 2));
    // An ESConv short-split context (at most 4 utterances) holds at most 2 turns before the
    // pending words, so with the robot's default nothing is stripped.
    const short = long.slice(2, 7);
    expect(compressHistory(short)).toEqual(short);
  });

  it('strips every turn with keep 0, but never the pending seeker words', () => {
    const compressed = compressHistory(long, 0);
    expect(compressed[2]?.text).toBe('sister says not fault.');
    expect(compressed[5]?.text).toBe('Worry rent hard.');
    expect(compressed.slice(6)).toEqual(long.slice(6));
  });

  it('counts a leading supporter utterance as a turn and has no pending words after a reply', () => {
    const context = [
      supporter('How are you feeling today?'),
      seeker('I am so tired of all this.'),
      supporter('That sounds exhausting.'),
    ];
    // Turns: [supporter], [seeker, supporter]; keep 1 -> only the first is stripped.
    expect(compressHistory(context, 1).map((u) => u.text)).toEqual([
      'feeling today?',
      'I am so tired of all this.',
      'That sounds exhausting.',
    ]);
    expect(compressHistory([], 2)).toEqual([]);
    expect(compressHistory([seeker('I am here.')], 0)).toEqual([seeker('I am here.')]);
  });

  const negations = [
    ...negationWords,
    "n't",
    "can't",
    "won't",
    "don't",
    "isn't",
    "couldn't",
    'wouldn’t',
    'Never',
    'NOT,',
  ];

  it.each(negations)('never removes the negation %p', (word) => {
    // "the" and "of" are stopwords: only the negation may be left of the older utterance.
    const context = [seeker(`the ${word} of`), supporter('ok'), seeker('and now?')];
    expect(compressHistory(context, 0)[0]?.text).toBe(word);
  });
});
