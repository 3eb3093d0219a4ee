/**
 * Redaction over the written examples (test/fixtures/redactionExamples.ts): every personal
 * detail replaced by its placeholder, and every hard negative left as it was.
 */
import { describe, expect, it } from '@jest/globals';
import { Redactor } from '../src/redaction/Redactor.js';
import { hardNegatives, knownNames, redactionExamples } from './fixtures/redactionExamples.js';

const redactor = new Redactor({ names: knownNames });

describe('Redactor', () => {
  it.each(redactionExamples.map((e) => [e.text, e.expected]))('redacts %j', (text, expected) => {
    expect(redactor.redact(text)).toBe(expected);
  });

  it.each(hardNegatives.map((t) => [t]))('leaves %j alone', (text) => {
    expect(redactor.redact(text)).toBe(text);
  });

  it('knows only the names it was given', () => {
    // Without the gazetteer (it would know Maggie as a given name).
    expect(new Redactor({ gazetteer: false }).redact('Maggie came.')).toBe('Maggie came.');
    expect(new Redactor({ names: ['  ', 'J'] }).redact('J and Jo')).toBe('J and Jo');
  });

  it('keeps the public numbers it is given (helplines)', () => {
    const r = new Redactor({ publicNumbers: ['0800 111 0 111'] });
    expect(r.redact('Call 0800 111 0 111 or 0800 222 0 222.')).toBe(
      'Call 0800 111 0 111 or [PHONE].',
    );
  });

  it('treats names as words, not as regular expressions or parts of other words', () => {
    const r = new Redactor({ names: ['Ann', 'A.J. (Al)'], gazetteer: false });
    expect(r.redact('Anne and Ann met A.J. (Al) at the Annex.')).toBe(
      'Anne and [NAME] met [NAME] at the Annex.',
    );
  });
});
