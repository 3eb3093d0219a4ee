export { AffectNode } from './AffectNode.js';
export { EMOTIONS, type Emotion, type EmotionOrNeutral } from './emotions.js';
export {
  estimateAffect,
  type AffectCue,
  type AffectEstimate,
  type AffectOptions,
} from './estimateAffect.js';
export { ACKNOWLEDGEMENT_TERMS, bearsAffect, MAX_AFFECTLESS_WORDS } from './turnAffect.js';
export {
  AFFECT_LEXICON,
  INTENSIFIERS,
  NEGATORS,
  POSITIVE_TERMS,
  type LexiconEntry,
} from './lexicon.js';
