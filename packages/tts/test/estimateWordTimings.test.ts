import { describe, expect, it } from '@jest/globals';
import { estimateWordTimings, textWords, wordWeight } from '../src/engine/estimateWordTimings.js';

const RATE = 1000; // one sample per millisecond keeps the arithmetic readable

/** Audio that is loud during `voiced` [startMs, endMs) stretches and silent elsewhere. */
function audio(
  totalMs: number,
  voiced: [number, number][],
): { sampleRate: number; samples: Int16Array } {
  const samples = new Int16Array(totalMs);
  for (const [start, end] of voiced) samples.fill(8000, start, end);
  return { sampleRate: RATE, samples };
}

describe('word timing estimates', () => {
  it('weighs words by syllables', () => {
    expect(wordWeight('feeling')).toBeGreaterThan(wordWeight('you'));
    expect(wordWeight('understandable')).toBeGreaterThan(wordWeight('feeling'));
    expect(wordWeight('42')).toBeGreaterThan(wordWeight('a'));
  });

  it('finds words and the clause pauses after them', () => {
    expect(textWords('Hello there, how are you?').map((w) => [w.text, w.pauseAfter])).toEqual([
      ['Hello', false],
      ['there', true],
      ['how', false],
      ['are', false],
      ['you', false],
    ]);
  });

  it('anchors each clause to its voiced stretch when the pauses match', () => {
    const timings = estimateWordTimings(
      'Hello there, how are you?',
      audio(3000, [
        [100, 1000],
        [1500, 2500],
      ]),
    );
    expect(timings.map((t) => t.text)).toEqual(['Hello', 'there', 'how', 'are', 'you']);
    expect(timings[0]?.offsetMs).toBe(100);
    expect(timings[2]?.offsetMs).toBe(1500);
    const there = timings[1];
    expect(there && there.offsetMs + there.durationMs).toBeLessThanOrEqual(1000);
  });

  it('spreads words over the whole voiced span when pauses do not match the text', () => {
    const timings = estimateWordTimings(
      'one two three four',
      audio(2000, [
        [200, 600],
        [900, 1800],
      ]),
    );
    expect(timings[0]?.offsetMs).toBe(200);
    const offsets = timings.map((t) => t.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const last = timings[3];
    expect(last && last.offsetMs + last.durationMs).toBeLessThanOrEqual(1800);
  });

  it('gives no words for text without any', () => {
    expect(estimateWordTimings('...', audio(500, [[0, 400]]))).toEqual([]);
  });
});
