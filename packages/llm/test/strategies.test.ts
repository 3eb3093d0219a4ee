import { describe, expect, it } from '@jest/globals';
import { ReplyAssembler } from '../src/ReplyAssembler.js';
import { SentenceSplitter } from '../src/SentenceSplitter.js';
import { resolveStrategy, stripStrategyTag } from '../src/strategies.js';

describe('strategy tags', () => {
  it('strips a known tag and names its strategy', () => {
    expect(stripStrategyTag('[Reflection of feelings] That sounds heavy.')).toEqual({
      strategy: 'Reflection of feelings',
      label: 'Reflection of feelings',
      text: 'That sounds heavy.',
    });
  });

  it('accepts spelling variants of the eight ESConv strategies', () => {
    expect(resolveStrategy('affirmation & reassurance')).toBe('Affirmation and Reassurance');
    expect(resolveStrategy('Self disclosure')).toBe('Self-disclosure');
    expect(resolveStrategy('Paraphrasing')).toBe('Restatement or Paraphrasing');
    expect(resolveStrategy('Questions')).toBe('Question');
  });

  it('strips an unknown tag without naming a strategy', () => {
    expect(stripStrategyTag('[Emotional Validation] I hear you.')).toMatchObject({
      strategy: '',
      label: 'Emotional Validation',
      text: 'I hear you.',
    });
  });

  it('leaves text without a leading tag alone', () => {
    expect(stripStrategyTag('I hear you [really].').text).toBe('I hear you [really].');
  });
});

describe('SentenceSplitter', () => {
  it('emits a sentence only once the next one has begun', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('I hear you')).toEqual([]);
    expect(splitter.push('. ')).toEqual([]);
    expect(splitter.push('That sounds')).toEqual(['I hear you.']);
    expect(splitter.push(' hard. Do you want')).toEqual(['That sounds hard.']);
    expect(splitter.flush()).toEqual(['Do you want']);
    expect(splitter.flush()).toEqual([]);
  });

  it('keeps decimals inside their sentence', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('It is 3.5 hours. Then')).toEqual(['It is 3.5 hours.']);
  });

  it('cuts a run-on sentence at its last clause boundary so speech can start', () => {
    const splitter = new SentenceSplitter('en', 60);
    const words =
      'When you feel like this, it helps to breathe slowly, and to remember that you are not alone in';
    const out = words.split(' ').flatMap((word) => splitter.push(`${word} `));
    expect(out).toEqual(['When you feel like this, it helps to breathe slowly,']);
    expect(splitter.flush()).toEqual(['and to remember that you are not alone in']);
  });

  it('cuts at a word boundary when a run-on sentence has no clause boundary', () => {
    const splitter = new SentenceSplitter('en', 20);
    const out = 'one two three four five six seven eight'
      .split(' ')
      .flatMap((w) => splitter.push(`${w} `));
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((chunk) => chunk.length <= 20 && !chunk.endsWith(' '))).toBe(true);
    expect([...out, ...splitter.flush()].join(' ')).toBe('one two three four five six seven eight');
  });
});

describe('ReplyAssembler', () => {
  it('strips a tag that arrives in pieces and streams the sentences after it', () => {
    const assembler = new ReplyAssembler();
    const chunks = [
      '[Affirm',
      'ation and Reass',
      'urance]',
      ' You are',
      ' not alone. I am',
      ' here.',
    ];
    const sentences = chunks.flatMap((chunk) => assembler.push(chunk));
    expect(sentences).toEqual(['You are not alone.']);
    expect(assembler.finish()).toEqual(['I am here.']);
    expect(assembler.strategy).toBe('Affirmation and Reassurance');
    expect(assembler.reply).toBe('You are not alone. I am here.');
  });

  it('speaks a bracket that never closes as ordinary text', () => {
    const assembler = new ReplyAssembler();
    assembler.push('[note');
    expect(assembler.finish()).toEqual(['[note']);
    expect(assembler.strategy).toBe('');
  });

  it('streams a reply without a tag at once', () => {
    const assembler = new ReplyAssembler();
    expect(assembler.push('Hello there. How')).toEqual(['Hello there.']);
    expect(assembler.finish()).toEqual(['How']);
  });
});
