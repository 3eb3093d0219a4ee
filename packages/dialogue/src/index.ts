export {
  dialogueMachine,
  DIALOGUE_SYSTEM_ID,
  type DialogueMachine,
} from './machine/dialogueMachine.js';
export type { DialogueEvent, DialogueEventType, DialogueEmitted } from './machine/events.js';
export * from './machine/types.js';
export { emptyTurn, summarizeTurn, turnDurations } from './machine/turn.js';
export * from './errors.js';
export { eventName } from './machine/eventName.js';
export { createGenerateActor } from './actors/generateActor.js';
export { createSayActor } from './actors/sayActor.js';
export { DialogueNode, type DialogueNodeOptions } from './node/DialogueNode.js';
export {
  DialogueParameters,
  declareDialogueParameters,
  readDialogueConfig,
} from './node/parameters.js';
export { toDialogueState, toTurnRecord } from './node/messages.js';
