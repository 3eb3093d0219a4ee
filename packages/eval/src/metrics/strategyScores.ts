export interface StrategyScores {
  /** Examples with a gold strategy that were scored. */
  readonly count: number;
  /** Fraction whose predicted strategy equals the gold one (a missing prediction is wrong). */
  readonly accuracy: number;
  /**
   * Unweighted mean of per-class F1 over the strategies that occur in the gold labels or the
   * predictions (scikit-learn's `f1_score(average='macro')`).
   */
  readonly macroF1: number;
}

/**
 * Strategy accuracy and macro-F1. Pairs with no gold strategy are left out; a prediction of ''
 * (the model emitted no tag) counts as wrong and, being no class, adds no false positive to any.
 * Classes are the labels present in the gold or the predictions, as scikit-learn takes them
 * by default, so a strategy the model uses where the gold never does counts as a class with
 * F1 0 (a model is not rewarded for inventing labels); a strategy absent from both is left out.
 */
export function strategyScores(
  pairs: readonly { readonly gold: string; readonly predicted: string }[],
): StrategyScores {
  const scored = pairs.filter((pair) => pair.gold !== '');
  if (scored.length === 0) return { count: 0, accuracy: 0, macroF1: 0 };
  const classes = [
    ...new Set(
      scored.flatMap((pair) => (pair.predicted === '' ? [pair.gold] : [pair.gold, pair.predicted])),
    ),
  ];
  let correct = 0;
  for (const pair of scored) if (pair.gold === pair.predicted) correct += 1;
  const f1s = classes.map((label) => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    for (const { gold, predicted } of scored) {
      if (predicted === label && gold === label) truePositive += 1;
      else if (predicted === label) falsePositive += 1;
      else if (gold === label) falseNegative += 1;
    }
    const denominator = 2 * truePositive + falsePositive + falseNegative;
    return denominator === 0 ? 0 : (2 * truePositive) / denominator;
  });
  return {
    count: scored.length,
    accuracy: correct / scored.length,
    macroF1: f1s.reduce((sum, value) => sum + value, 0) / f1s.length,
  };
}
