import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { isNegation, isStopword, negationWords, stripStopwords } from '../src/context/stopwords.js';

const packageList = createRequire(import.meta.url)('stopword') as { eng: readonly string[] };

describe('stopwords', () => {
  it('uses the stopword package’s English list less its negations', () => {
    expect(packageList.eng).toContain('never');
    expect(isStopword('never')).toBe(false);
    for (const word of packageList.eng) {
      expect(isStopword(word)).toBe(!isNegation(word));
    }
  });

  it.each([...negationWords, "can't", "won't", "n't", 'didn’t', 'Not', 'NEVER'])(
    'keeps the negation %p',
    (word) => {
      expect(isNegation(word)).toBe(true);
      expect(isStopword(word)).toBe(false);
      expect(stripStopwords(`I ${word} sleep.`)).toBe(`${word} sleep.`);
    },
  );

  it('keeps the sense of negated sentences', () => {
    expect(stripStopwords('I never feel safe when I am at home.')).toBe(
      'never feel safe when home.',
    );
    expect(stripStopwords("No, I can't and I won't, nor will they.")).toBe(
      "No, can't won't, nor will",
    );
  });
});
