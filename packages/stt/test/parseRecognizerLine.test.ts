// The local engine's line protocol, line by line.
import { describe, expect, it } from '@jest/globals';
import { parseRecognizerLine } from '../src/index.js';

describe('parseRecognizerLine', () => {
  it('reads jsonl partials and finals, with an optional confidence', () => {
    expect(parseRecognizerLine('{"type":"partial","text":" how are "}', 'jsonl')).toEqual({
      text: 'how are',
      isFinal: false,
    });
    expect(
      parseRecognizerLine('{"type":"final","text":"how are you","confidence":0.9}', 'jsonl'),
    ).toEqual({
      text: 'how are you',
      isFinal: true,
      confidence: 0.9,
    });
    expect(parseRecognizerLine('   ', 'jsonl')).toBeUndefined();
  });

  it('says why a jsonl line is refused', () => {
    expect(parseRecognizerLine('hello', 'jsonl')).toBe('not JSON');
    expect(parseRecognizerLine('[1]', 'jsonl')).toBe('"type" must be "partial" or "final"');
    expect(parseRecognizerLine('{"type":"final"}', 'jsonl')).toBe('"text" must be a string');
    expect(parseRecognizerLine('{"type":"final","text":"x","confidence":2}', 'jsonl')).toMatch(
      /confidence/,
    );
  });

  it('reads every non-empty line as a final in lines format', () => {
    expect(parseRecognizerLine(' good morning ', 'lines')).toEqual({
      text: 'good morning',
      isFinal: true,
    });
    expect(parseRecognizerLine('', 'lines')).toBeUndefined();
  });
});
