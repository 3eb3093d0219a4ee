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

/** What asking the classifier gave: its verdict, or why there is none. */
export type ClassifierAnswer =
  | { readonly kind: 'verdict'; readonly verdict: ClassifierVerdict }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'error'; readonly message: string };

/** The rule id a raise adds to `rules`, so turn records and alerts show that a model raised it. */
export function classifierRule(level: RiskLevel): string {
  return `classifier:${level}`;
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
    rules: [...result.rules, classifierRule(verdict.level)],
  };
}

/** `result` combined with an answer: a timeout or an error keeps it and says so in the reasons. */
export function combineWithAnswer(
  result: ScreenResult,
  answer: ClassifierAnswer,
  classifierName: string,
): ScreenResult {
  if (answer.kind === 'verdict')
    return combineWithClassifier(result, answer.verdict, classifierName);
  const why =
    answer.kind === 'timeout'
      ? `timed out after ${answer.timeoutMs} ms`
      : `failed (${answer.message})`;
  return { ...result, reasons: [...result.reasons, `classifier ${classifierName} ${why}`] };
}

/**
 * Asks the classifier, giving up after `timeoutMs` (the call is then aborted). Never throws: a
 * failure is an answer too, so callers can log it and go on with the deterministic result.
 */
export async function askClassifier(
  classifier: RiskClassifier,
  text: string,
  timeoutMs: number,
): Promise<ClassifierAnswer> {
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
    if (verdict === 'timeout') return { kind: 'timeout', timeoutMs };
    return { kind: 'verdict', verdict };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
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
  const answer = await askClassifier(classifier, text, timeoutMs);
  return combineWithAnswer(result, answer, classifier.name);
}
