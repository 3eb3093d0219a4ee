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
