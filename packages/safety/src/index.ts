export {
  RiskCategories,
  RiskLevels,
  atLeast,
  isRiskCategory,
  isRiskLevel,
  levelRank,
  maxLevel,
  shiftLevel,
  type RiskCategory,
  type RiskLevel,
} from './levels.js';
export {
  SafetyScreener,
  type SafetyScreenerOptions,
  type ScreenOptions,
} from './SafetyScreener.js';
export type { ScreenResult } from './screen/types.js';
export { screenMessage } from './screen/screenMessage.js';
export { normalize } from './screen/normalize.js';
export {
  askClassifier,
  classifierRule,
  combineWithAnswer,
  combineWithClassifier,
  raiseWithClassifier,
  type ClassifierAnswer,
  type ClassifierVerdict,
  type RiskClassifier,
} from './classifier.js';
export {
  LlamaRiskClassifier,
  type LlamaRiskClassifierOptions,
} from './model/LlamaRiskClassifier.js';
export {
  parseRiskVerdict,
  riskPrompt,
  riskSystemPrompt,
  riskVerdictSchema,
} from './model/riskPrompt.js';
export { RiskClassifierModelError } from './model/RiskClassifierModelError.js';
export { defaultLexicon, type Lexicon } from './lexicon/index.js';
export type {
  CueRule,
  IdiomRule,
  ImminenceCue,
  ImminenceKind,
  RiskRule,
  RuleSubject,
} from './lexicon/types.js';
export { guardReply, type GuardResult, type GuardViolation } from './guard/guardReply.js';
export {
  GuardCategories,
  guardRules,
  type GuardCategory,
  type GuardRule,
} from './guard/guardRules.js';
export { safeReplies } from './guard/safeReplies.js';
export {
  crisisEntry,
  crisisLocales,
  crisisMessage,
  type CrisisMessage,
} from './crisis/crisisMessage.js';
export {
  crisisEntries,
  internationalEntry,
  type CrisisEntry,
  type Helpline,
} from './crisis/crisisMessages.js';
export { crisisStayLine } from './crisis/stayLines.js';
export { InvalidScreenerOptionError } from './errors.js';
