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

  it('treats fiction and song lyrics as no risk, and other jokes three levels lower', () => {
    expect(screen('In the film the hero kills himself').level).toBe('none');
    expect(screen('The song goes "I want to die" and it is so catchy').level).toBe('none');
    expect(screen("lol I'm going to kill my brother, he ate my cake").level).toBe('none');
  });

  it('keeps a joke when a plan or means is named', () => {
    expect(screen('haha I have the pills here and I will do it tonight').level).toBe('imminent');
  });

  it('lowers a joke about the speaker’s own death one level, never below moderate', () => {
    const lol = screen('I want to die lol');
    expect(lol.level).toBe('moderate');
    expect(lol.reasons[0]).toMatch(/a joke \("lol"\) → moderate/);
    expect(screen('I want to die 😂').level).toBe('moderate');
    // "seriously" or a time cancels the joke.
    expect(screen('I want to kill myself haha, seriously').level).toBe('high');
    expect(screen("haha I'm going to kill myself tonight").level).toBe('imminent');
    // A moderate hyperbole with a joke is still none.
    expect(screen("I'd rather die than eat broccoli haha").level).toBe('none');
  });

  it('keeps the risk of a double negative', () => {
    expect(screen("I'm not sure I won't kill myself").level).toBe('high');
    expect(screen("I can't promise I won't hurt myself tonight").level).toBe('high');
    expect(screen("I won't hurt myself, I promise").level).toBe('none');
  });

  it('treats someone else at risk now as an emergency, and in the past as low', () => {
    const bridge = screen("My friend is on the bridge right now and says she'll jump");
    expect(bridge).toMatchObject({ level: 'high', category: 'medical_emergency' });
    expect(bridge.reasons[0]).toMatch(/someone else at risk now/);
    expect(screen('My daughter has taken an overdose')).toMatchObject({
      level: 'high',
      category: 'medical_emergency',
    });
    expect(screen('My son has cut his wrists').level).toBe('high');
    expect(screen('My friend said she wanted to die').level).toBe('low');
    expect(screen('My son cut his wrists years ago').level).toBe('low');
  });

  it('does not let an idiom hide a threat, a weapon or a wish to die', () => {
    expect(screen('He will kill me if I tell anyone')).toMatchObject({
      level: 'high',
      category: 'abuse',
    });
    expect(screen('My son is going to kill me when he gets home, he has a knife').level).toBe(
      'high',
    );
    expect(screen('My mum is going to kill me when she sees this mess').level).toBe('none');
    expect(screen('I will kill her if she touches me again').category).toBe('harm_to_others');
    expect(screen('I will kill him if he is late again').level).toBe('none');
    expect(screen("I can't hang on much longer").level).toBe('high');
    expect(screen('Hang on a minute, the kettle is boiling').level).toBe('none');
    expect(screen("I'm sick to death of being alive").level).toBe('high');
    expect(screen("I'm sick to death of the rain").level).toBe('none');
    expect(screen('I just want to curl up and die').level).toBe('moderate');
    expect(screen('Living is killing me').level).toBe('moderate');
    expect(screen('The carer is killing me').category).toBe('abuse');
    expect(screen('The traffic is killing me').level).toBe('none');
  });

  it('does not read ordinary talk as risk: prices, buses, scolding, waiting, kids (issue 7 audit)', () => {
    const calm = [
      'the price will jump',
      'the horse will jump.',
      'i will jump off at the next stop',
      'Interest rates are going to jump.',
      "I'll jump off the bus at the shops and walk the rest",
      'my son will kill me if i leave the oven on again',
      'he will kill me if i tell him i lost the keys',
      'my wife is going to kill me when she gets home and sees the dog muddy',
      'i can not hold on much longer, my arms are tired',
      'i can not hang on any longer for the bus',
      'i am sick to death of living in this flat',
      'sick and tired of living with the noise next door',
      'my daughter rang today, she is sick and tired of living with her husband',
      'these kids are killing me',
      'my grandson is killing me with his jokes',
      'my carer is killing me with kindness',
      'i wanted to curl up and die when i tripped',
    ];
    expect(calm.map((text) => `${text} → ${screen(text).level}`)).toEqual(
      calm.map((text) => `${text} → none`),
    );
    expect(screen('i am tired of living with this pain').level).toBe('moderate');
    // The call is dated, not the risk: reported words about someone else stay low.
    expect(screen('mum rang today, she said she is tired of living')).toMatchObject({
      level: 'low',
      category: 'suicidal_ideation',
    });
  });

  it('still reads the real statements next to those phrasings', () => {
    const high = [
      "I'm going to jump",
      'i am going to jump off the bridge',
      'My wife is standing on the balcony railing saying she will jump',
      'he will kill me if i tell anyone',
      'he will kill me if i leave him',
      'he said he will kill me if i tell the police',
      'i am scared, he will kill me when he gets home',
      'i can not hold on much longer',
      'i am tired of living',
      'i want to throw myself in front of a bus',
    ];
    expect(high.map((text) => `${text} → ${screen(text).level}`)).toEqual(
      high.map((text) => `${text} → high`),
    );
    expect(screen('tonight she is on the bridge and says she wants to die')).toMatchObject({
      level: 'high',
      category: 'medical_emergency',
    });
    expect(screen('the carer is killing me')).toMatchObject({
      level: 'moderate',
      category: 'abuse',
    });
    expect(screen('he is killing me, he starves me').category).toBe('abuse');
    expect(screen('i want to curl up and die').level).toBe('moderate');
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
