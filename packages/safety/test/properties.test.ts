/** Properties that must hold for any input: the screener answers, fast, and in its own terms. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  RiskCategories,
  RiskLevels,
  SafetyScreener,
  atLeast,
  guardReply,
  levelRank,
} from '../src/index.js';

const screener = new SafetyScreener();

describe('screener properties', () => {
  it('answers any text with a valid level, a category exactly when at risk, and reasons', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = screener.screen(text);
        expect(RiskLevels).toContain(result.level);
        if (result.level === 'none') expect(result.category).toBeNull();
        else expect(RiskCategories).toContain(result.category);
        if (result.level !== 'none') expect(result.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(new SafetyScreener().screen(text)).toEqual(new SafetyScreener().screen(text));
      }),
      { numRuns: 100 },
    );
  });

  it('never lowers a high statement when ordinary words come before or after it', () => {
    const filler = fc.constantFrom(
      'Hello.',
      'It has been a long week.',
      'My daughter visited on Sunday.',
      'The weather is grey.',
      '',
    );
    fc.assert(
      fc.property(filler, filler, (before, after) => {
        const result = screener.screen(`${before} I want to kill myself. ${after}`);
        expect(atLeast(result.level, 'high')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('weighs recent turns only upwards', () => {
    const messages = fc.constantFrom(
      'hello',
      'I want to die',
      "I can't go on like this",
      'I feel hopeless',
      'this traffic is killing me',
      'I have the pills here',
    );
    fc.assert(
      fc.property(fc.array(messages, { maxLength: 8 }), messages, (history, last) => {
        const session = new SafetyScreener();
        for (const text of history) session.screen(text, { sessionId: 's' });
        const weighed = session.screen(last, { sessionId: 's' });
        expect(levelRank(weighed.level)).toBeGreaterThanOrEqual(
          levelRank(screener.screen(last).level),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('guard properties', () => {
  it('always returns something to say, and the original when it passes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (reply) => {
        const result = guardReply(reply);
        expect(result.original).toBe(reply);
        if (result.passed) expect(result.reply).toBe(reply);
        else expect(result.reply.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
