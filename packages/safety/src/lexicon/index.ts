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
  readonly hypothetical: readonly CueRule[];
  readonly imminence: readonly ImminenceCue[];
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
  hypothetical: hypotheticalCues,
  imminence: imminenceCues,
};

export type {
  CueRule,
  IdiomRule,
  ImminenceCue,
  ImminenceKind,
  RiskRule,
  RuleSubject,
} from './types.js';
