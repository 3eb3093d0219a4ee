/**
 * An optional model-based classifier. It may raise the deterministic screen's level, never
 * lower it: the safe path must not depend on a model's judgment. A classifier that fails or
 * takes too long leaves the deterministic result as it is.
 */
import { levelRank, type RiskCategory, type RiskLevel } from './levels.js';
import type { ScreenResult } from './screen/types.js';

export interface ClassifierVerdict {
  readonly level: RiskLevel;
  readonly category: RiskCategory | null;
  /** Why the model thinks so, shown in the reasons. */
  readonly reason?: string;
}

export interface RiskClassifier {
  /** A short name shown in the reasons ("stub", "llm-guard"...). */
  readonly name: string;
  classify(text: string, options: { signal: AbortSignal }): Promise<ClassifierVerdict>;
}

/** The deterministic result, raised to the classifier's level where that is higher. */
export function combineWithClassifier(
  result: ScreenResult,
  verdict: ClassifierVerdict,
  classifierName: string,
): ScreenResult {
  if (levelRank(verdict.level) <= levelRank(result.level)) {
    if (levelRank(verdict.level) < levelRank(result.level))
      return {
        ...result,
        reasons: [
          ...result.reasons,
          `classifier ${classifierName} said ${verdict.level}: ignored, a model never lowers the level`,
        ],
      };
    return result;
  }
  return {
    ...result,
    level: verdict.level,
    category: verdict.category ?? result.category,
    reasons: [
      ...result.reasons,
      `classifier ${classifierName} raised to ${verdict.level}${verdict.reason ? `: ${verdict.reason}` : ''}`,
    ],
  };
}

/**
 * Asks the classifier and combines; a failure or a timeout keeps `result` and says so in the
 * reasons (the screen must answer even when the model cannot).
 */
export async function raiseWithClassifier(
  result: ScreenResult,
  text: string,
  classifier: RiskClassifier,
  timeoutMs: number,
): Promise<ScreenResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      // Settle first, so the race reports a timeout rather than the abort it causes.
      resolve('timeout');
      controller.abort();
    }, timeoutMs);
  });
  try {
    const verdict = await Promise.race([
      classifier.classify(text, { signal: controller.signal }),
      timeout,
    ]);
    if (verdict === 'timeout')
      return {
        ...result,
        reasons: [
          ...result.reasons,
          `classifier ${classifier.name} timed out after ${timeoutMs} ms`,
        ],
      };
    return combineWithClassifier(result, verdict, classifier.name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...result,
      reasons: [...result.reasons, `classifier ${classifier.name} failed (${message})`],
    };
  } finally {
    clearTimeout(timer);
  }
}
