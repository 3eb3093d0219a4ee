import { abuseRules } from './abuse.js';
import {
  fictionCues,
  hedgeCues,
  hypotheticalCues,
  imminenceCues,
  jokeCues,
  negationCues,
  pastCues,
  presentCues,
  reportTimeCues,
  seriousCues,
} from './cues.js';
import { harmToOthersRules } from './harmToOthers.js';
import { idiomRules } from './idioms.js';
import { medicalEmergencyRules } from './medicalEmergency.js';
import { selfHarmRules } from './selfHarm.js';
import { suicidalIdeationRules } from './suicidalIdeation.js';
import type { CueRule, IdiomRule, ImminenceCue, RiskRule } from './types.js';

/** Everything the screener reads; swap parts of it with `new SafetyScreener({ lexicon })`. */
export interface Lexicon {
  readonly rules: readonly RiskRule[];
  readonly idioms: readonly IdiomRule[];
  readonly negation: readonly CueRule[];
  readonly hedges: readonly CueRule[];
  readonly past: readonly CueRule[];
  readonly present: readonly CueRule[];
  readonly fiction: readonly CueRule[];
  readonly jokes: readonly CueRule[];
  /** "seriously": cancels a joke. */
  readonly serious: readonly CueRule[];
  readonly hypothetical: readonly CueRule[];
  readonly imminence: readonly ImminenceCue[];
  /** A time that dates a call or visit ("mum rang today"), blanked before imminence is read. */
  readonly reportTime: readonly CueRule[];
}

export const defaultLexicon: Lexicon = {
  rules: [
    ...suicidalIdeationRules,
    ...selfHarmRules,
    ...harmToOthersRules,
    ...abuseRules,
    ...medicalEmergencyRules,
  ],
  idioms: idiomRules,
  negation: negationCues,
  hedges: hedgeCues,
  past: pastCues,
  present: presentCues,
  fiction: fictionCues,
  jokes: jokeCues,
  serious: seriousCues,
  hypothetical: hypotheticalCues,
  imminence: imminenceCues,
  reportTime: reportTimeCues,
};

export type {
  CueRule,
  IdiomRule,
  ImminenceCue,
  ImminenceKind,
  RiskRule,
  RuleSubject,
} from './types.js';
