// The vocabularies of the fields gestures are chosen from live with the messages.
export {
  AFFECT_EMOTIONS,
  DIALOGUE_STATES,
  SUPPORT_STRATEGIES,
  type AffectEmotion,
  type DialogueStateName,
  type SupportStrategy,
} from '@hearth/interfaces';

export interface JointLimits {
  readonly name: string;
  /** Radians. */
  readonly min: number;
  readonly max: number;
  /** Radians per second. */
  readonly maxVelocity: number;
  /** Rest position, where every gesture starts at time 0 and intensity scales from. */
  readonly neutral: number;
}

export interface Keyframe {
  /** Seconds from the gesture's start (trajectory_msgs' time_from_start). */
  readonly time: number;
  /** Target positions, radians, for the joints that move at this keyframe. */
  readonly joints: ReadonlyMap<string, number>;
}

export interface Gesture {
  readonly name: string;
  readonly description: string;
  /** Higher wins when two gestures compete for the same joints (GestureCommand.priority). */
  readonly priority: number;
  /** Face screen expression shown while the gesture plays; empty for none. */
  readonly face: string;
  /** Repeats until another gesture replaces it (idle motions). */
  readonly loop: boolean;
  /** Empty for a gesture the robot plays as its own named animation. */
  readonly keyframes: readonly Keyframe[];
  /**
   * The robot's own named animation (e.g. Pepper's `animations/Stand/Gestures/Yes_1`), played by
   * the robot's driver instead of keyframes; empty for a keyframed gesture.
   */
  readonly animation: string;
  /** Seconds: the last keyframe's time, or the animation's declared duration. */
  readonly durationS: number;
  /**
   * The joints it moves, in the profile's joint order: what it competes for with other
   * gestures (keyframe joints, plus `occupies` for an animation).
   */
  readonly joints: readonly string[];
}

/** A rule matching a spoken sentence. */
export interface SentenceCue {
  readonly gesture: string;
  /** Lower-case words or phrases, matched on word boundaries. */
  readonly words: readonly (readonly string[])[];
  /** Sentence endings, e.g. `?`. */
  readonly endsWith: readonly string[];
}

export interface GestureMapping {
  readonly strategy: ReadonlyMap<string, string>;
  /** Gestures started on entering a state; several play at once when their joints differ. */
  readonly state: ReadonlyMap<string, readonly string[]>;
  /** A gesture for the person's estimated affect (Affect.emotion). */
  readonly affect: ReadonlyMap<string, string>;
  readonly sentenceCues: readonly SentenceCue[];
  readonly default: string;
}

/** A robot profile's gestures, validated: every keyframe within its joints' limits. */
export interface GestureProfile {
  /** The file it was loaded from. */
  readonly file: string;
  readonly robot: string;
  /** In the file's order (the order trajectories list their joints in). */
  readonly joints: ReadonlyMap<string, JointLimits>;
  readonly faceExpressions: readonly string[];
  readonly gestures: ReadonlyMap<string, Gesture>;
  readonly mapping: GestureMapping;
}
