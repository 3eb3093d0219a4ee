export {
  dialogueMachine,
  DIALOGUE_SYSTEM_ID,
  type DialogueMachine,
} from './machine/dialogueMachine.js';
export type { DialogueEvent, DialogueEventType, DialogueEmitted } from './machine/events.js';
export * from './machine/types.js';
export { emptyTurn, heardText, saidSoFar, summarizeTurn, turnDurations } from './machine/turn.js';
export { summarizeAnnouncement } from './machine/announcement.js';
export {
  endsMidSentence,
  isBackchannel,
  isGoodbye,
  normalizeUtterance,
} from './machine/phrases.js';
export {
  mean,
  moodOf,
  newSession,
  percentile,
  summarizeSession,
  withMood,
} from './machine/session.js';
export {
  DEFAULT_SILENCE_TIMEOUT_MS,
  SilenceTracker,
  type SilenceTrackerOptions,
} from './node/SilenceTracker.js';
export { settleWithin } from './settleWithin.js';
export * from './errors.js';
export { eventName } from './machine/eventName.js';
export { createGenerateActor, type CutWordsSpoken } from './actors/generateActor.js';
export {
  createSayActor,
  DEFAULT_CANCEL_TIMEOUT_MS,
  type CancelledSpeech,
  type OnSpeechCancelled,
  type SayActorOptions,
} from './actors/sayActor.js';
export { DialogueNode, type DialogueNodeOptions } from './node/DialogueNode.js';
export {
  DEFAULT_LOCALE,
  DialogueParameters,
  declareDialogueParameters,
  guardDialogueParameters,
  readDialogueConfig,
} from './node/parameters.js';
export {
  SafetyGate,
  type DialogueView,
  type LoadedRiskClassifier,
  type SafetyGateOptions,
} from './node/SafetyGate.js';
export {
  HUMAN_CONTACT_NUDGE,
  MODERATE_RISK_PROTOCOL,
  joinInstructions,
} from './safety/guidance.js';
export { inQuietHours, isQuietHoursValue } from './safety/quietHours.js';
export { toDialogueState, toSessionSummary, toTurnRecord } from './node/messages.js';
