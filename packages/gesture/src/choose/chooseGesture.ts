import type { GestureMapping, GestureProfile, SentenceCue } from '../profile/GestureProfile.js';
import { esconvStrategyOf } from '@hearth/interfaces';
import { phraseIndex, tokenize } from './tokenize.js';

/** What a gesture is chosen from. */
export interface GestureInput {
  /** A sentence the robot starts to speak; absent for a state change alone. */
  readonly sentence?: string;
  /** The support strategy of the current reply (ESConv), when known. */
  readonly strategy?: string;
  /** The dialogue machine's current state. */
  readonly state?: string;
  /**
   * The person's estimated affect, when strong enough to act on (the node applies its
   * threshold): its emotion's gesture comes after cues and strategy, before the state.
   */
  readonly affect?: string;
}

/** Which rule chose the gesture. */
export type GestureRule = 'cue' | 'strategy' | 'affect' | 'state' | 'default';

export interface GestureChoice {
  readonly name: string;
  /** GestureCommand.reason: why, in the message's vocabulary (sentence, strategy, state, affect). */
  readonly reason: 'sentence' | 'strategy' | 'state' | 'affect';
  readonly rule: GestureRule;
  readonly priority: number;
  /** The sentence cue that matched (rule `cue`), so the gesture can be timed to its word. */
  readonly cue?: SentenceCue;
}

/** Whether the sentence ends the way one of the cue's `ends_with` endings says. */
export function endsWithCue(sentence: string, cue: SentenceCue): boolean {
  const trimmed = sentence.trimEnd();
  return cue.endsWith.some((ending) => trimmed.endsWith(ending));
}

function matchesCue(sentence: string, words: readonly string[], cue: SentenceCue): boolean {
  return endsWithCue(sentence, cue) || cue.words.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/**
 * Chooses one gesture, a pure function of its input and the mapping (the profile's, or the one
 * the node's parameters override it with). For a spoken sentence: the first matching sentence
 * cue, else the reply's strategy, else the affect's gesture, else the state's first, else the
 * default. Without a sentence: the affect's gesture when an affect is given, else the state's
 * first gesture, or none.
 */
export function chooseGesture(
  input: GestureInput,
  profile: GestureProfile,
  mapping: GestureMapping = profile.mapping,
): GestureChoice | undefined {
  const choice = (
    name: string,
    reason: GestureChoice['reason'],
    rule: GestureRule,
  ): GestureChoice => ({
    name,
    reason,
    rule,
    priority: profile.gestures.get(name)?.priority ?? 0,
  });
  const byState = input.state !== undefined ? mapping.state.get(input.state)?.[0] : undefined;
  const byAffect = input.affect !== undefined ? mapping.affect.get(input.affect) : undefined;
  if (input.sentence === undefined) {
    if (input.affect !== undefined)
      return byAffect !== undefined ? choice(byAffect, 'affect', 'affect') : undefined;
    return byState !== undefined ? choice(byState, 'state', 'state') : undefined;
  }

  const words = tokenize(input.sentence);
  const cue = mapping.sentenceCues.find((candidate) =>
    matchesCue(input.sentence ?? '', words, candidate),
  );
  if (cue) return { ...choice(cue.gesture, 'sentence', 'cue'), cue };
  // The profile maps ESConv's eight; an ExTES-tagged reply uses its nearest ESConv strategy.
  const strategy = input.strategy ? esconvStrategyOf(input.strategy) : undefined;
  const byStrategy = strategy ? mapping.strategy.get(strategy) : undefined;
  if (byStrategy !== undefined) return choice(byStrategy, 'strategy', 'strategy');
  if (byAffect !== undefined) return choice(byAffect, 'affect', 'affect');
  if (byState !== undefined) return choice(byState, 'state', 'state');
  return choice(mapping.default, 'sentence', 'default');
}
