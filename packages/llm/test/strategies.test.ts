import { describe, expect, it } from '@jest/globals';
import { EXTES_STRATEGIES, SUPPORT_STRATEGIES } from '@hearth/interfaces';
import { ReplyAssembler } from '../src/ReplyAssembler.js';
import { SentenceSplitter } from '../src/SentenceSplitter.js';
import { TagFilter } from '../src/TagFilter.js';
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
    expect(stripStrategyTag('[Mood Music] I hear you.')).toMatchObject({
      strategy: '',
      label: 'Mood Music',
      text: 'I hear you.',
    });
  });

  it("recognizes ExTES's sixteen strategies under their own names", () => {
    expect(stripStrategyTag('[Emotional Validation] That is hard.')).toEqual({
      strategy: 'Emotional Validation',
      label: 'Emotional Validation',
      text: 'That is hard.',
    });
    const own = EXTES_STRATEGIES.filter((s) => s !== 'Affirmation' && s !== 'Others');
    for (const name of own) expect(resolveStrategy(name)).toBe(name);
    for (const name of SUPPORT_STRATEGIES) expect(resolveStrategy(name)).toBe(name);
  });

  it('accepts spelling variants of the ExTES strategies', () => {
    expect(resolveStrategy('avoid judgment and criticism')).toBe('Avoid Judgment and Criticism');
    expect(resolveStrategy('Avoid Judgement & Criticism')).toBe('Avoid Judgment and Criticism');
    expect(resolveStrategy('Reflective Statements (RS)')).toBe('Reflective Statements');
    expect(resolveStrategy('Promote Self Care Practices')).toBe('Promote Self-Care Practices');
    expect(resolveStrategy('Normalise Experience')).toBe('Normalize Experiences');
  });

  it("gives ESConv's name to an ExTES label that is ESConv's in another spelling", () => {
    // Gesture profiles and telemetry key on ESConv's eight; ExTES's Affirmation is the same move.
    expect(resolveStrategy('Affirmation')).toBe('Affirmation and Reassurance');
    expect(resolveStrategy('Others (Oth)')).toBe('Others');
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

/** Feeds text in chunks of `size` characters; returns every sentence with its strategy. */
function assemble(
  text: string,
  size: number,
): {
  sentences: { text: string; strategy: string }[];
  assembler: ReplyAssembler;
} {
  const assembler = new ReplyAssembler();
  const sentences = [];
  for (let i = 0; i < text.length; i += size) {
    sentences.push(...assembler.pushSentences(text.slice(i, i + size)));
  }
  sentences.push(...assembler.finishSentences());
  return { sentences, assembler };
}

describe('tags anywhere in a reply', () => {
  const joined =
    '[Normalize Experiences] Many people feel this way after a move. It is very common. ' +
    '[Suggest Options] Maybe a short walk would help? [Emotional Validation] Your feelings make sense.';

  it("gives each sentence its own message's strategy, and the reply the first tag's", () => {
    const { sentences, assembler } = assemble(joined, joined.length);
    expect(sentences).toEqual([
      { text: 'Many people feel this way after a move.', strategy: 'Normalize Experiences' },
      { text: 'It is very common.', strategy: 'Normalize Experiences' },
      { text: 'Maybe a short walk would help?', strategy: 'Suggest Options' },
      { text: 'Your feelings make sense.', strategy: 'Emotional Validation' },
    ]);
    expect(assembler.strategy).toBe('Normalize Experiences');
    expect(assembler.reply).toBe(
      'Many people feel this way after a move. It is very common. Maybe a short walk would help? ' +
        'Your feelings make sense.',
    );
  });

  it('gives the same sentences however the text is chunked, tags split across chunks', () => {
    const whole = assemble(joined, joined.length).sentences;
    for (const size of [1, 2, 3, 5, 7, 11]) {
      const { sentences, assembler } = assemble(joined, size);
      expect(sentences).toEqual(whole);
      expect(sentences.some((s) => /[[\]]/.test(s.text))).toBe(false);
      expect(assembler.reply).not.toMatch(/[[\]]/);
    }
  });

  it('never speaks a tag left mid-sentence, and keeps the words around it apart', () => {
    const { sentences, assembler } = assemble(
      'I hear you [Emotional Validation] that is hard.[Offer Hope]Things can get better.',
      4,
    );
    expect(sentences).toEqual([
      { text: 'I hear you that is hard.', strategy: 'Emotional Validation' },
      { text: 'Things can get better.', strategy: 'Offer Hope' },
    ]);
    expect(assembler.strategy).toBe('Emotional Validation');
  });

  it('removes unknown tags too, keeps the strategy of the first recognized one, and lists them', () => {
    const { sentences, assembler } = assemble('[Mood] Hello there. [Question] How are you?', 3);
    expect(sentences).toEqual([
      { text: 'Hello there.', strategy: '' },
      { text: 'How are you?', strategy: 'Question' },
    ]);
    expect(assembler.strategy).toBe('Question');
    expect(assembler.unknownLabels).toEqual(['Mood']);
  });

  it('speaks a bracket that cannot be a tag (too long, or across a line)', () => {
    const long = `[${'x'.repeat(70)}] ok.`;
    expect(assemble(long, 4).sentences.map((s) => s.text)).toEqual([long]);
    const filter = new TagFilter();
    expect(filter.push('a [b\nc] d').text).toBe('a [b\nc] d');
  });
});
