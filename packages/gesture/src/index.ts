export {
  chooseGesture,
  type GestureChoice,
  type GestureInput,
  type GestureRule,
} from './choose/chooseGesture.js';
export { tokenize } from './choose/tokenize.js';
export { GestureLimitError } from './errors/GestureLimitError.js';
export { GestureProfileError, type GestureProfileIssue } from './errors/GestureProfileError.js';
export { UnknownGestureError } from './errors/UnknownGestureError.js';
export { GestureNode } from './node/GestureNode.js';
export {
  DIALOGUE_STATES,
  SUPPORT_STRATEGIES,
  type DialogueStateName,
  type Gesture,
  type GestureMapping,
  type GestureProfile,
  type JointLimits,
  type Keyframe,
  type SentenceCue,
  type SupportStrategy,
} from './profile/GestureProfile.js';
export {
  gestureTrajectory,
  type JointTrajectory,
  type TrajectoryPoint,
} from './profile/gestureTrajectory.js';
export {
  DEFAULT_GESTURES_FILE,
  loadGestureProfile,
  loadGestureProfileSync,
} from './profile/loadGestureProfile.js';
export { parseGestureProfile } from './profile/parseGestureProfile.js';
