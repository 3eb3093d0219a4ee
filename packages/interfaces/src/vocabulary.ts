/**
 * The values some string fields take, in one place: DialogueState.state, TurnRecord.strategy, TurnRecord.kind,
 * GestureCommand.reason and Affect.emotion. ROS 2 interface files have no enums for strings, so the nodes that produce and
 * consume these fields share these lists instead of keeping copies.
 */

/** The dialogue machine's public states (DialogueState.state). */
export const DIALOGUE_STATES = [
  'asleep',
  'listening',
  'thinking',
  'speaking',
  'followUp',
  'crisis',
  'paused',
  'recovering',
] as const;
export type DialogueStateName = (typeof DIALOGUE_STATES)[number];

/** ESConv's eight support strategies (Liu et al., 2021), as a reply's strategy tag names them. */
export const SUPPORT_STRATEGIES = [
  'Question',
  'Restatement or Paraphrasing',
  'Reflection of feelings',
  'Self-disclosure',
  'Affirmation and Reassurance',
  'Providing Suggestions',
  'Information',
  'Others',
] as const;
export type SupportStrategy = (typeof SUPPORT_STRATEGIES)[number];

/**
 * ExTES's sixteen support strategies (Zheng et al., 2023, "Building Emotional Support Chatbots in
 * the Era of LLMs"), spelled as the paper's strategy table names them. Two overlap ESConv's in
 * meaning: `Affirmation` and `Others`; the llm node resolves those to ESConv's names.
 */
export const EXTES_STRATEGIES = [
  'Reflective Statements',
  'Clarification',
  'Emotional Validation',
  'Empathetic Statements',
  'Affirmation',
  'Offer Hope',
  'Avoid Judgment and Criticism',
  'Suggest Options',
  'Collaborative Planning',
  'Provide Different Perspectives',
  'Reframe Negative Thoughts',
  'Share Information',
  'Normalize Experiences',
  'Promote Self-Care Practices',
  'Stress Management',
  'Others',
] as const;
export type ExtesStrategy = (typeof EXTES_STRATEGIES)[number];

/**
 * The ESConv strategy nearest to each ExTES one, for consumers keyed by ESConv's eight (e.g. a
 * robot profile's strategy-to-gesture map) when a model fine-tuned on ExTES tags its replies.
 * An approximation by intent: validating and empathizing reflect feelings, planning and
 * reframing suggest, normalizing and offering hope reassure.
 */
export const EXTES_TO_ESCONV: Readonly<Record<ExtesStrategy, SupportStrategy>> = {
  'Reflective Statements': 'Restatement or Paraphrasing',
  Clarification: 'Question',
  'Emotional Validation': 'Reflection of feelings',
  'Empathetic Statements': 'Reflection of feelings',
  Affirmation: 'Affirmation and Reassurance',
  'Offer Hope': 'Affirmation and Reassurance',
  'Avoid Judgment and Criticism': 'Affirmation and Reassurance',
  'Suggest Options': 'Providing Suggestions',
  'Collaborative Planning': 'Providing Suggestions',
  'Provide Different Perspectives': 'Providing Suggestions',
  'Reframe Negative Thoughts': 'Providing Suggestions',
  'Share Information': 'Information',
  'Normalize Experiences': 'Affirmation and Reassurance',
  'Promote Self-Care Practices': 'Providing Suggestions',
  'Stress Management': 'Providing Suggestions',
  Others: 'Others',
};

/** The ESConv strategy for a strategy name of either set; undefined for anything else. */
export function esconvStrategyOf(name: string): SupportStrategy | undefined {
  if ((SUPPORT_STRATEGIES as readonly string[]).includes(name)) return name as SupportStrategy;
  return (EXTES_TO_ESCONV as Readonly<Record<string, SupportStrategy>>)[name];
}

/** ESConv's seeker emotions. */
export const ESCONV_EMOTIONS = [
  'anxiety',
  'depression',
  'sadness',
  'anger',
  'fear',
  'disgust',
  'shame',
] as const;
export type EsconvEmotion = (typeof ESCONV_EMOTIONS)[number];

/** Affect.emotion: ESConv's emotions, plus neutral when none is clear. */
export const AFFECT_EMOTIONS = [...ESCONV_EMOTIONS, 'neutral'] as const;
export type AffectEmotion = (typeof AFFECT_EMOTIONS)[number];

/**
 * TurnRecord.kind: a reply to the person, or speech the robot began itself (the AI notice and
 * greeting at session start, a check-in after a long silence, the re-prompt after no speech, a
 * caregiver's say command).
 */
export const TURN_KINDS = ['reply', 'greeting', 'check_in', 'reprompt', 'caregiver_say'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

/**
 * GestureCommand.reason, by name: why a gesture was chosen (sentence, strategy, state, affect, a
 * backchannel nod), `stop` (a looping gesture ends: the driver stops it, nothing is performed)
 * and `preview` (the web console asked for it; not part of any turn).
 */
export const GestureReason = {
  sentence: 'sentence',
  strategy: 'strategy',
  state: 'state',
  affect: 'affect',
  backchannel: 'backchannel',
  stop: 'stop',
  preview: 'preview',
} as const;
export type GestureReason = (typeof GestureReason)[keyof typeof GestureReason];
export const GESTURE_REASONS: readonly GestureReason[] = Object.values(GestureReason);
