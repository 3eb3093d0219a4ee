import { describe, expect, it } from '@jest/globals';
import { estimateAffect } from '../src/estimateAffect.js';
import { AFFECT_LEXICON, POSITIVE_TERMS } from '../src/lexicon.js';

describe('estimateAffect (hand-written examples)', () => {
  it.each([
    ['I feel so anxious about the surgery tomorrow.', 'anxiety'],
    ["I've been worried sick and I can't sleep.", 'anxiety'],
    ['Everything feels hopeless, there is no point anymore.', 'depression'],
    ['I am sad since my dog died.', 'sadness'],
    ['I feel so lonely in this flat.', 'sadness'],
    ['My brother makes me furious.', 'anger'],
    ["I'm scared of being alone at night.", 'fear'],
    ['What they did is disgusting.', 'disgust'],
    ['I feel ashamed, it was my fault.', 'shame'],
  ])('%s → %s', (text, emotion) => {
    const estimate = estimateAffect(text);
    expect(estimate.emotion).toBe(emotion);
    expect(estimate.intensity).toBeGreaterThan(0.3);
    expect(estimate.valence).toBeLessThan(0);
  });

  it('reports neutral, with no intensity, for words without affect', () => {
    expect(estimateAffect('I went to the shop and bought some bread.')).toMatchObject({
      emotion: 'neutral',
      intensity: 0,
      valence: 0,
    });
    expect(estimateAffect('')).toMatchObject({ emotion: 'neutral', intensity: 0 });
  });

  it('turns a negated emotion off, and reads a negated good word as low mood', () => {
    const notSad = estimateAffect("I'm not sad anymore.");
    expect(notSad.emotion).toBe('neutral');
    expect(notSad.valence).toBeGreaterThan(0);
    expect(notSad.cues).toEqual([
      { term: 'sad', emotion: 'sadness', weight: 0, negated: true, modifier: 1 },
    ]);
    expect(estimateAffect("I don't feel afraid.").emotion).toBe('neutral');
    const notOkay = estimateAffect("I'm really not okay.");
    expect(notOkay.emotion).toBe('sadness');
    expect(notOkay.valence).toBeLessThan(0);
  });

  it('keeps a negation within its clause', () => {
    // "not" belongs to the first clause; "scared" in the second still counts.
    expect(estimateAffect("It's not the money, I am scared.").emotion).toBe('fear');
    expect(estimateAffect("I'm not angry but I am hurt.").emotion).toBe('sadness');
  });

  it('scales by intensifiers and softeners', () => {
    const plain = estimateAffect('I am sad.').intensity;
    const very = estimateAffect('I am very sad.').intensity;
    const extremely = estimateAffect('I am extremely sad.').intensity;
    const aBit = estimateAffect('I am a bit sad.').intensity;
    const kindOf = estimateAffect('I am kind of sad.').intensity;
    expect(very).toBeGreaterThan(plain);
    expect(extremely).toBeGreaterThan(very);
    expect(aBit).toBeLessThan(plain);
    expect(kindOf).toBeLessThan(plain);
    expect(estimateAffect('I am so sad.').cues[0]?.modifier).toBe(1.4);
    expect(estimateAffect('I am a little bit sad.').cues[0]?.modifier).toBe(0.5);
  });

  it('picks the strongest emotion when several are named, and weighs positive words', () => {
    const mixed = estimateAffect('I am a bit annoyed but mostly terrified.');
    expect(mixed.emotion).toBe('fear');
    expect(mixed.scores.anger).toBeCloseTo(0.36, 5);
    expect(estimateAffect('I feel much better and calm today.')).toMatchObject({
      emotion: 'neutral',
    });
    expect(estimateAffect('I feel much better and calm today.').valence).toBeGreaterThan(0.8);
  });

  it('keeps its intensity and valence within their ranges, however much is said', () => {
    const flood = estimateAffect(
      'sad sad sad very sad extremely sad hopeless worthless '.repeat(20),
    );
    expect(flood.intensity).toBeLessThanOrEqual(1);
    expect(flood.valence).toBeGreaterThanOrEqual(-1);
  });

  it('has a reviewable lexicon: lower-case terms, weights in (0, 1], no term listed twice', () => {
    const seen = new Set<string>();
    for (const entry of AFFECT_LEXICON) {
      expect(entry.weight).toBeGreaterThan(0);
      expect(entry.weight).toBeLessThanOrEqual(1);
      for (const term of entry.terms) {
        expect(term).toBe(term.toLowerCase());
        expect(seen.has(term)).toBe(false);
        seen.add(term);
      }
    }
    for (const term of POSITIVE_TERMS) expect(seen.has(term)).toBe(false);
  });
});
