import { checkTrajectoryLimits } from '../profile/checkTrajectoryLimits.js';
import type { GestureProfile } from '../profile/GestureProfile.js';
import type { JointTrajectory } from '../profile/gestureTrajectory.js';

/** Float slack, so an approach timed exactly at the limit passes the check. */
const SLACK_S = 1e-6;

/**
 * `trajectory` (authored from the neutral pose) planned from `pose`, where the joints are now: a
 * held posture or a gesture cut mid-motion. Its first segment is stretched so no joint needs more
 * than its `max_velocity` to reach the first point, and every later point moves by as much, so
 * the gesture keeps its own rhythm. Refusing instead would leave the body frozen mid-posture, and
 * sending it unchanged would make a real controller fault. What no retiming makes legal (a
 * position out of range, a move between the gesture's own points too fast) throws
 * `GestureLimitError` naming the gesture, joint and limit, from the check of the result.
 */
export function approachFrom(
  profile: GestureProfile,
  trajectory: JointTrajectory,
  pose: ReadonlyMap<string, number>,
): JointTrajectory {
  const first = trajectory.points[0];
  let shiftS = 0;
  if (first) {
    let needS = 0;
    trajectory.jointNames.forEach((name, column) => {
      const joint = profile.joints.get(name);
      const target = first.positions[column];
      if (!joint || target === undefined || joint.maxVelocity <= 0) return;
      const distance = Math.abs(target - (pose.get(name) ?? joint.neutral));
      needS = Math.max(needS, distance / joint.maxVelocity);
    });
    if (needS > first.timeFromStartS) shiftS = needS - first.timeFromStartS + SLACK_S;
  }
  const planned: JointTrajectory =
    shiftS === 0
      ? trajectory
      : {
          ...trajectory,
          points: trajectory.points.map((point) => ({
            ...point,
            timeFromStartS: point.timeFromStartS + shiftS,
          })),
          durationS: trajectory.durationS + shiftS,
        };
  checkTrajectoryLimits(profile, planned, pose);
  return planned;
}
