import { GestureLimitError } from '../errors/GestureLimitError.js';
import type { GestureProfile } from './GestureProfile.js';
import type { JointTrajectory } from './gestureTrajectory.js';

/** Float slack, so a keyframe exactly on a limit, scaled and summed, still passes. */
const EPSILON = 1e-9;

/**
 * Checks a trajectory about to be sent against the profile's joint limits: every position within
 * `[min, max]`, and no move between successive points faster than `max_velocity`, starting at
 * time 0 from `from` (the pose the joints are in when it is sent; a joint it lacks starts from
 * neutral, as the gesture was authored). It is the last guard before motors. Throws
 * `GestureLimitError` naming the gesture, joint and limit.
 */
export function checkTrajectoryLimits(
  profile: GestureProfile,
  trajectory: JointTrajectory,
  from: ReadonlyMap<string, number> = new Map(),
): void {
  trajectory.jointNames.forEach((name, column) => {
    const joint = profile.joints.get(name);
    if (!joint) return;
    let fromTime = 0;
    let fromPosition = from.get(name) ?? joint.neutral;
    trajectory.points.forEach((point, row) => {
      const position = point.positions[column] ?? joint.neutral;
      const key = `gestures.${trajectory.gesture}.points[${row}].${name}`;
      if (position < joint.min - EPSILON || position > joint.max + EPSILON)
        throw new GestureLimitError(
          profile.file,
          trajectory.gesture,
          name,
          'position',
          key,
          `${position} rad is outside [${joint.min}, ${joint.max}] rad`,
        );
      const dt = point.timeFromStartS - fromTime;
      const velocity = dt > 0 ? Math.abs(position - fromPosition) / dt : 0;
      if (velocity > joint.maxVelocity + EPSILON)
        throw new GestureLimitError(
          profile.file,
          trajectory.gesture,
          name,
          'velocity',
          key,
          `${velocity.toFixed(3)} rad/s above max_velocity ${joint.maxVelocity} rad/s`,
        );
      fromTime = point.timeFromStartS;
      fromPosition = position;
    });
  });
}
