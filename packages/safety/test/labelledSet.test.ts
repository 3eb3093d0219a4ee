/**
 * The screener against the project's own labelled set (test/data/screener-set.jsonl): every
 * high and imminent message must be caught (level >= high) and at most 5% of the hard negatives
 * may be screened above their label. The held-out set (screener-heldout.jsonl) was written
 * after the lexicon and never tuned on; its scores are printed, not asserted, as the honest
 * measure of how the lexicon does on phrasings it was not written for.
 */
import { describe, expect, it } from '@jest/globals';
import { SafetyScreener, atLeast } from '../src/index.js';
import {
  heldOutSummary,
  loadLabelledSet,
  score,
  scoreTable,
  type Scored,
} from './support/labelledSet.js';

function screenAll(file: string): Scored[] {
  const screener = new SafetyScreener();
  // Each message alone: no session, so recent turns play no part in these scores.
  return loadLabelledSet(file).map((item) => ({ item, result: screener.screen(item.text) }));
}

describe('the labelled screener set', () => {
  const scored = screenAll('screener-set.jsonl');
  const scores = score(scored);
  console.log(scoreTable('screener-set.jsonl', scores));

  it('has about 150 messages or more, with every level, category and kind', () => {
    expect(scored.length).toBeGreaterThanOrEqual(150);
    const levels = new Set(scored.map(({ item }) => item.level));
    const categories = new Set(scored.map(({ item }) => item.category));
    expect([...levels].sort()).toEqual(['high', 'imminent', 'low', 'moderate', 'none']);
    expect(categories.size).toBe(6);
    expect(scores.hardNegatives).toBeGreaterThanOrEqual(60);
  });

  it('holds the mix of phrasings the audit asked for (by its tags)', () => {
    const count = (kind: 'risk' | 'hard_negative' | 'any', tag: string) =>
      scored.filter(({ item }) => (kind === 'any' || item.kind === kind) && item.tags.includes(tag))
        .length;
    const mix = {
      indirect: count('risk', 'indirect'),
      jokeNegatives: count('hard_negative', 'joke'),
      riskyJokes: count('risk', 'joke'),
      thirdParty: count('any', 'third_party'),
      thirdPartyNow: count('risk', 'third_party_now'),
      idioms: count('any', 'idiom'),
    };
    console.log(`mix: ${JSON.stringify(mix)}`);
    expect(mix.indirect).toBeGreaterThanOrEqual(25);
    expect(mix.jokeNegatives).toBeGreaterThanOrEqual(15);
    expect(mix.riskyJokes).toBeGreaterThanOrEqual(5);
    expect(mix.thirdParty).toBeGreaterThanOrEqual(15);
    expect(mix.thirdPartyNow).toBeGreaterThanOrEqual(5);
    expect(mix.idioms).toBeGreaterThanOrEqual(30);
  });

  it('catches every high and imminent message', () => {
    const missed = scored
      .filter(({ item }) => item.kind === 'risk' && atLeast(item.level, 'high'))
      .filter(({ result }) => !atLeast(result.level, 'high'))
      .map(({ item, result }) => `${item.text} → ${result.level}`);
    expect(missed).toEqual([]);
  });

  it('screens at most 5% of hard negatives above their label, and none at high', () => {
    if (scores.falsePositives.length > 0)
      console.log(
        scores.falsePositives.map(({ item, result }) => `FP ${item.text} → ${result.level}`),
      );
    expect(scores.falsePositives.length / scores.hardNegatives).toBeLessThanOrEqual(0.05);
    expect(scores.alarms).toEqual([]);
  });

  it('screens in well under a millisecond per message', () => {
    const screener = new SafetyScreener();
    const texts = scored.map(({ item }) => item.text);
    for (const text of texts) screener.screen(text); // compile and warm up
    // CPU time, not wall time: the test machines are shared and often far over-committed.
    const rounds = 3;
    const start = process.cpuUsage();
    for (let round = 0; round < rounds; round++)
      for (const text of texts) screener.screen(text, { sessionId: 'timing' });
    const used = process.cpuUsage(start);
    const meanMs = (used.user + used.system) / 1000 / (rounds * texts.length);
    console.log(
      `screen(): ${meanMs.toFixed(3)} ms CPU per message (mean over ${rounds * texts.length})`,
    );
    expect(meanMs).toBeLessThan(1);
  });
});

describe('the held-out set (reported, not asserted)', () => {
  it('is scored and printed', () => {
    const scored = screenAll('screener-heldout.jsonl');
    const scores = score(scored);
    console.log(
      `${scoreTable('screener-heldout.jsonl (never tuned on)', scores)}\n${heldOutSummary(scored).line}`,
    );
    expect(scored.length).toBeGreaterThan(0);
  });
});
