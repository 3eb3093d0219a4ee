export { AffectNode } from './AffectNode.js';
export { EMOTIONS, type Emotion, type EmotionOrNeutral } from './emotions.js';
export {
  estimateAffect,
  type AffectCue,
  type AffectEstimate,
  type AffectOptions,
} from './estimateAffect.js';
export {
  AFFECT_LEXICON,
  INTENSIFIERS,
  NEGATORS,
  POSITIVE_TERMS,
  type LexiconEntry,
} from './lexicon.js';
