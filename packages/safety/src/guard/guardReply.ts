/**
 * The output guard: every reply (or every sentence, as it is spoken) passes here. A reply that
 * breaks a rule is replaced whole by the fixed safe reply of the first rule it breaks, and the
 * result names every rule it broke, for the turn record.
 */
import { normalize } from '../screen/normalize.js';
import { guardRules, type GuardCategory, type GuardRule } from './guardRules.js';
import { safeReplies } from './safeReplies.js';

export interface GuardViolation {
  readonly rule: string;
  readonly category: GuardCategory;
  readonly description: string;
  /** The words that broke the rule, as normalized. */
  readonly matched: string;
}

export interface GuardResult {
  /** True when the reply may be spoken as it is. */
  readonly passed: boolean;
  /** What to say: the reply itself, or the safe replacement. */
  readonly reply: string;
  readonly original: string;
  /** Every rule the reply broke, first one first; empty when it passed. */
  readonly violations: readonly GuardViolation[];
  /** The category whose safe reply replaced it; undefined when it passed. */
  readonly replacedFor?: GuardCategory;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(
    text.lastIndexOf('.', index),
    text.lastIndexOf('!', index),
    text.lastIndexOf('?', index),
  );
  const ends = ['.', '!', '?'].map((mark) => text.indexOf(mark, index)).filter((at) => at >= 0);
  return text.slice(start + 1, ends.length > 0 ? Math.min(...ends) : text.length);
}

function violation(rule: GuardRule, text: string): GuardViolation | undefined {
  const found = rule.pattern.exec(text);
  if (!found) return undefined;
  if (rule.unless?.test(text.slice(Math.max(0, found.index - 60), found.index))) return undefined;
  if (rule.unlessSentence?.test(sentenceAround(text, found.index))) return undefined;
  return {
    rule: rule.id,
    category: rule.category,
    description: rule.description,
    matched: found[0],
  };
}

export function guardReply(reply: string, rules: readonly GuardRule[] = guardRules): GuardResult {
  const text = normalize(reply);
  const violations: GuardViolation[] = [];
  for (const rule of rules) {
    const found = violation(rule, text);
    if (found) violations.push(found);
  }
  const first = violations[0];
  if (!first) return { passed: true, reply, original: reply, violations };
  return {
    passed: false,
    reply: safeReplies[first.category],
    original: reply,
    violations,
    replacedFor: first.category,
  };
}
