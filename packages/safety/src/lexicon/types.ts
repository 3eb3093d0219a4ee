import type { RiskCategory, RiskLevel } from '../levels.js';

/**
 * Who a risk statement is about, which decides whether a third party lowers its level:
 * - `subject`: resolved from the statement itself: a pronoun inside the match ("kill myself",
 *   "end her life"), else the nearest subject before it ("my friend said she wants to die"); no
 *   subject means the speaker ("want to die"). About someone else: lower, but never none.
 * - `speaker`: the speaker by construction, done by someone else ("he hits me"). The rule only
 *   counts when a person is named as the one doing it ("the door hit me" is not abuse).
 * - `others`: someone else by construction ("he hits her"); its level is written for that.
 * - `anyone`: an emergency whoever has it ("my husband is not breathing"); never lowered for a
 *   third party.
 */
export type RuleSubject = 'subject' | 'speaker' | 'others' | 'anyone';

/** One reviewable risk rule of the lexicon. */
export interface RiskRule {
  /** Stable id shown in reasons, `<category prefix>.<name>`; tests and reviewers refer to it. */
  readonly id: string;
  readonly category: RiskCategory;
  /** The level before negation, tense, third parties, framing, imminence and recent turns. */
  readonly level: RiskLevel;
  readonly about: RuleSubject;
  /**
   * Matched against one normalized clause: lower case, contractions spelled out ("do not",
   * "i am", "can not"), straight quotes. Use \b at both ends.
   */
  readonly pattern: RegExp;
  /** What the rule means, for the reasons a reviewer reads. */
  readonly description: string;
}

/** A phrase that sounds like risk but is not (idiom, hyperbole, accident); removed before matching. */
export interface IdiomRule {
  readonly id: string;
  readonly pattern: RegExp;
  readonly description: string;
}

/** A phrase that changes how a risk match is read: negation, past, fiction, joke, question... */
export interface CueRule {
  readonly id: string;
  readonly pattern: RegExp;
}

export type ImminenceKind = 'time' | 'means' | 'plan';

export interface ImminenceCue extends CueRule {
  readonly kind: ImminenceKind;
}

/** A compact way to write one category's rules: `rule(name, level, about, description, pattern)`. */
export function ruleMaker(category: RiskCategory, prefix: string) {
  return (
    name: string,
    level: RiskLevel,
    about: RuleSubject,
    description: string,
    pattern: RegExp,
  ): RiskRule => ({ id: `${prefix}.${name}`, category, level, about, description, pattern });
}
