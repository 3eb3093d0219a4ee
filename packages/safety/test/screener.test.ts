import { describe, expect, it } from '@jest/globals';
import {
  InvalidScreenerOptionError,
  SafetyScreener,
  defaultLexicon,
  normalize,
  type RiskRule,
} from '../src/index.js';

const screener = new SafetyScreener();
const screen = (text: string) => screener.screen(text);

describe('normalize', () => {
  it('spells out contractions, typed with or without the apostrophe', () => {
    expect(normalize('I’m sure I DON’T   want it, cant you see? Im fine')).toBe(
      'i am sure i do not want it, can not you see? i am fine',
    );
  });
});

describe('SafetyScreener.screen, one message', () => {
  it('returns the level, the category and readable reasons naming the rule', () => {
    const result = screen('I want to kill myself');
    expect(result.level).toBe('high');
    expect(result.category).toBe('suicidal_ideation');
    expect(result.rules).toContain('suicidal.kill_self');
    expect(result.reasons[0]).toMatch(/suicidal\.kill_self "kill myself": killing oneself/);
  });

  it('answers none with no category for ordinary talk', () => {
    expect(screen('I had a lovely walk by the river')).toEqual({
      level: 'none',
      category: null,
      reasons: [],
      rules: [],
    });
  });

  it('reads negation, but not a hedge that only looks like one', () => {
    const never = screen('I would never kill myself');
    expect(never.level).toBe('none');
    expect(never.reasons[0]).toMatch(/negated by "never"/);
    expect(screen("I can't stop thinking about killing myself").level).toBe('high');
    expect(screen("I'm not sure I want to live anymore").level).toBe('high');
  });

  it('lowers remote past to low, but not when the clause speaks of now', () => {
    const past = screen('I used to cut myself, years ago');
    expect(past).toMatchObject({ level: 'low', category: 'self_harm' });
    expect(past.reasons[0]).toMatch(/in the past \("used to"\)/);
    expect(screen('I used to be happy, now I want to die').level).toBe('high');
    expect(
      screen('I used to cut myself and lately I have started cutting myself again').level,
    ).toBe('high');
  });

  it('lowers third parties and reported speech, keeping the category', () => {
    const friend = screen('My friend said she wanted to die');
    expect(friend).toMatchObject({ level: 'low', category: 'suicidal_ideation' });
    expect(friend.reasons[0]).toMatch(/about someone else \("she"\)/);
    expect(screen('I think my sister wants to kill herself').level).toBe('low');
    // The speaker, even when someone else is named first.
    expect(screen('My son says I should kill myself').level).toBe('high');
  });

  it('ignores idioms and hyperbole, and says so', () => {
    for (const text of [
      'this traffic is killing me',
      'I could murder a pizza',
      'we were dying of laughter',
      "I'll kill him if he's late again",
    ]) {
      const result = screen(text);
      expect(result.level).toBe('none');
      expect(result.reasons.join(' ')).toMatch(/ignored idiom\./);
    }
  });

  it('treats fiction and song lyrics as no risk, and jokes three levels lower', () => {
    expect(screen('In the film the hero kills himself').level).toBe('none');
    expect(screen('The song goes "I want to die" and it is so catchy').level).toBe('none');
    expect(screen("lol I'm going to kill my brother, he ate my cake").level).toBe('none');
  });

  it('keeps a joke when a plan or means is named', () => {
    expect(screen('haha I have the pills here and I will do it tonight').level).toBe('imminent');
  });

  it('raises to imminent on plan, means or time', () => {
    expect(screen("I'm going to kill myself").level).toBe('high');
    const tonight = screen("I'm going to kill myself tonight");
    expect(tonight.level).toBe('imminent');
    expect(tonight.reasons[0]).toMatch(/imminence: time "tonight"/);
    expect(screen("I can't go on, I have the pills ready and I'll do it tonight").level).toBe(
      'imminent',
    );
  });

  it('catches indirect statements', () => {
    expect(screen("I don't want to be here anymore").level).toBe('high');
    expect(screen('Everyone would be better off without me').level).toBe('high');
    expect(screen("I've been giving my things away").level).toBe('high');
    expect(screen('I have pills saved up').level).toBe('high');
  });

  it('counts abuse only when a person does it', () => {
    expect(screen('My son hits me')).toMatchObject({ level: 'high', category: 'abuse' });
    expect(screen('The ball hit me on the head').level).toBe('none');
    expect(screen('My husband has never hit me').level).toBe('none');
  });

  it('keeps a third party’s medical emergency at full level', () => {
    expect(screen('My husband collapsed and is not breathing')).toMatchObject({
      level: 'imminent',
      category: 'medical_emergency',
    });
    expect(screen('What should I do if I have chest pain?').level).toBe('none');
  });

  it('screens partial transcripts as they grow', () => {
    expect(screen('I').level).toBe('none');
    expect(screen('I want to').level).toBe('none');
    expect(screen('I want to die').level).toBe('high');
  });
});

describe('SafetyScreener.screen, recent turns', () => {
  function clockedScreener() {
    let now = 0;
    const screener = new SafetyScreener({ now: () => now, windowMs: 60_000, windowTurns: 4 });
    return { screener, advance: (ms: number) => (now += ms) };
  }

  it('raises a moderate statement after a high one in the same session', () => {
    const { screener } = clockedScreener();
    expect(screener.screen("I can't go on like this", { sessionId: 'a' }).level).toBe('moderate');
    screener.screen('I want to die', { sessionId: 'b' });
    const raised = screener.screen("I can't go on like this", { sessionId: 'b' });
    expect(raised.level).toBe('high');
    expect(raised.reasons.at(-1)).toMatch(/follows a high message 1 turn\(s\) ago → high/);
  });

  it('raises a plan named right after a high statement to imminent', () => {
    const { screener } = clockedScreener();
    screener.screen('I want to end my life', { sessionId: 's' });
    screener.screen('I do not know', { sessionId: 's' });
    const plan = screener.screen("I've made up my mind", { sessionId: 's' });
    expect(plan).toMatchObject({ level: 'imminent', category: 'suicidal_ideation' });
    expect(new SafetyScreener().screen("I've made up my mind").level).toBe('none');
  });

  it('makes the third moderate statement in a row high', () => {
    const { screener } = clockedScreener();
    screener.screen("I can't take it anymore", { sessionId: 's' });
    screener.screen('I feel like such a burden to everyone', { sessionId: 's' });
    expect(screener.screen('I just want it all to stop', { sessionId: 's' }).level).toBe('high');
  });

  it('forgets turns older than the window, and partial transcripts', () => {
    const { screener, advance } = clockedScreener();
    screener.screen('I want to die', { sessionId: 's', partial: true });
    expect(screener.screen("I can't go on like this", { sessionId: 's' }).level).toBe('moderate');
    screener.screen('I want to die', { sessionId: 't' });
    advance(61_000);
    expect(screener.screen("I can't go on like this", { sessionId: 't' }).level).toBe('moderate');
    screener.screen('I want to die', { sessionId: 'u' });
    screener.endSession('u');
    expect(screener.screen("I can't go on like this", { sessionId: 'u' }).level).toBe('moderate');
  });

  it('keeps at most maxSessions sessions', () => {
    const screener = new SafetyScreener({ maxSessions: 2 });
    screener.screen('I want to die', { sessionId: 'first' });
    screener.screen('hello', { sessionId: 'second' });
    screener.screen('hello', { sessionId: 'third' });
    expect(screener.screen("I can't go on like this", { sessionId: 'first' }).level).toBe(
      'moderate',
    );
  });

  it('rejects options that cannot work, naming the option', () => {
    expect(() => new SafetyScreener({ windowTurns: 0 })).toThrow(InvalidScreenerOptionError);
    expect(() => new SafetyScreener({ windowMs: -1 })).toThrow(/windowMs is -1/);
  });
});

describe('the lexicon', () => {
  it('has unique rule ids, and rules that are reviewable data', () => {
    const ids = defaultLexicon.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of defaultLexicon.rules) {
      expect(rule.description.length).toBeGreaterThan(3);
      expect(rule.pattern.flags).toBe('');
    }
  });

  it('can be extended with a reviewed rule', () => {
    const extra: RiskRule = {
      id: 'suicidal.test_phrase',
      category: 'suicidal_ideation',
      level: 'high',
      about: 'subject',
      description: 'a phrase a reviewer added',
      pattern: /\bwalk into the sea\b/,
    };
    const extended = new SafetyScreener({ lexicon: { rules: [...defaultLexicon.rules, extra] } });
    expect(extended.screen('I want to walk into the sea').level).toBe('high');
    expect(screen('I want to walk into the sea').level).toBe('none');
  });
});
