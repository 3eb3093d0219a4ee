import type { AffectCue, AffectEstimate } from './estimateAffect.js';

/**
 * The longest utterance that may say nothing about the person's affect: "yeah", "okay, goodbye",
 * "see you later". Longer words are a turn worth an estimate even when neutral.
 */
export const MAX_AFFECTLESS_WORDS = 3;

/**
 * Words of well-being that double as acknowledgements ("okay", "good", "fine"): in a short line
 * they acknowledge, they do not tell how the person feels. Negated ("not okay") they still count.
 */
export const ACKNOWLEDGEMENT_TERMS: readonly string[] = ['okay', 'ok', 'fine', 'good', 'great'];

function bearing(cue: AffectCue): boolean {
  return !(cue.emotion === 'positive' && !cue.negated && ACKNOWLEDGEMENT_TERMS.includes(cue.term));
}

/**
 * Whether an estimate tells something of the person's affect for their turn. A backchannel or
 * short neutral line (at most MAX_AFFECTLESS_WORDS words, none of them affect-bearing) does not:
 * publishing its `neutral` would overwrite the last real estimate, which the gesture node and the
 * session's mood at end should keep. A short line with an affect-bearing word ("I am sad",
 * "not okay", "feeling better") still counts; an acknowledgement ("okay", "good") does not.
 */
export function bearsAffect(estimate: AffectEstimate): boolean {
  return estimate.wordCount > MAX_AFFECTLESS_WORDS || estimate.cues.some(bearing);
}
