/**
 * The second frozen held-out batch (screener-heldout-2.jsonl, "held-out 5"): written before the
 * audit fixes, scored once before them, and never tuned on. Its scores are printed; only a floor
 * measured after the fixes is asserted, so a change that loses ground fails while nobody tunes
 * the lexicon to this file. Before tuning on it, move it into the labelled set and write a new
 * batch.
 */
import { describe, expect, it } from '@jest/globals';
import { SafetyScreener } from '../src/index.js';
import { heldOutSummary, loadLabelledSet, score, scoreTable } from './support/labelledSet.js';

describe('held-out batch 5 (screener-heldout-2.jsonl, never tuned on)', () => {
  const screener = new SafetyScreener();
  // Each message alone: no session, so recent turns play no part.
  const scored = loadLabelledSet('screener-heldout-2.jsonl').map((item) => ({
    item,
    result: screener.screen(item.text),
  }));
  const scores = score(scored);
  const summary = heldOutSummary(scored);
  console.log(
    `${scoreTable('screener-heldout-2.jsonl (never tuned on)', scores)}\n${summary.line}`,
  );

  it('stays at or above the floor measured after the audit fixes', () => {
    expect(scored.length).toBeGreaterThanOrEqual(40);
    // Measured after the fixes (before them: 11 of 25, 19 of 28, 0 of 18): 15 of 25 caught at
    // high, 23 of 28 flagged, 0 of 18 hard negatives above their label. One false positive of
    // slack so a reviewed rule elsewhere does not fail here; none may enter the crisis state.
    expect(summary.caughtHigh).toBeGreaterThanOrEqual(15);
    expect(summary.flagged).toBeGreaterThanOrEqual(23);
    expect(scores.falsePositives.length).toBeLessThanOrEqual(1);
    expect(scores.alarms).toEqual([]);
  });
});
