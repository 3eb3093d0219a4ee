import { UnknownGestureError } from '../errors/UnknownGestureError.js';
import type { Gesture, GestureProfile, JointLimits } from './GestureProfile.js';

/** One point of a trajectory: every listed joint's position at a time (trajectory_msgs/JointTrajectoryPoint). */
export interface TrajectoryPoint {
  /** Radians, in the order of `jointNames`. */
  readonly positions: readonly number[];
  /** Seconds from the gesture's start. */
  readonly timeFromStartS: number;
}

/** A gesture as joint motion, shaped like trajectory_msgs/JointTrajectory. */
export interface JointTrajectory {
  readonly gesture: string;
  readonly jointNames: readonly string[];
  readonly points: readonly TrajectoryPoint[];
  readonly loop: boolean;
  readonly face: string;
  readonly durationS: number;
  /** The robot's own named animation to play instead (no points then); empty otherwise. */
  readonly animation: string;
}

/** The joint's position at `time`: linear between the keyframes that list it, held after the last. */
function positionAt(gesture: Gesture, joint: JointLimits, time: number): number {
  let fromTime = 0;
  let fromPosition = joint.neutral;
  for (const frame of gesture.keyframes) {
    const position = frame.joints.get(joint.name);
    if (position === undefined) continue;
    if (frame.time === time) return position;
    if (frame.time > time) {
      const span = frame.time - fromTime;
      return span > 0
        ? fromPosition + ((position - fromPosition) * (time - fromTime)) / span
        : position;
    }
    fromTime = frame.time;
    fromPosition = position;
  }
  return fromPosition;
}

/**
 * The joint trajectory of a named gesture: one point per keyframe, listing every joint the
 * gesture moves (in the profile's joint order). `intensity` (0 to 1) scales each position's
 * distance from neutral, so a softer gesture stays within the limits checked at load.
 */
export function gestureTrajectory(
  profile: GestureProfile,
  name: string,
  intensity = 1,
): JointTrajectory {
  const gesture = profile.gestures.get(name);
  if (!gesture) throw new UnknownGestureError(name, [...profile.gestures.keys()]);
  const scale = Math.min(1, Math.max(0, intensity));
  const joints = [...profile.joints.values()].filter((joint) =>
    gesture.keyframes.some((frame) => frame.joints.has(joint.name)),
  );
  const points = gesture.keyframes.map((frame) => ({
    timeFromStartS: frame.time,
    positions: joints.map((joint) => {
      const position = positionAt(gesture, joint, frame.time);
      return scale === 1 ? position : joint.neutral + (position - joint.neutral) * scale;
    }),
  }));
  return {
    gesture: name,
    jointNames: joints.map((joint) => joint.name),
    points,
    loop: gesture.loop,
    face: gesture.face,
    durationS: gesture.durationS,
    animation: gesture.animation,
  };
}
