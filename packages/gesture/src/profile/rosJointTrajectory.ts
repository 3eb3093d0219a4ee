import {
  JointTrajectoryType,
  type Duration,
  type JointTrajectory as JointTrajectoryMessage,
  type JointTrajectoryPoint as JointTrajectoryPointMessage,
} from '@hearth/interfaces';
import type { JointTrajectory } from './gestureTrajectory.js';

/** builtin_interfaces/Duration. */
export type RosDuration = Duration;
/** trajectory_msgs/JointTrajectoryPoint (hearth_interfaces' field-for-field copy). */
export type RosJointTrajectoryPoint = JointTrajectoryPointMessage;
/** trajectory_msgs/JointTrajectory (hearth_interfaces' field-for-field copy). */
export type RosJointTrajectory = JointTrajectoryMessage;

function duration(seconds: number): Duration {
  const sec = Math.floor(seconds);
  const nanosec = Math.round((seconds - sec) * 1e9);
  // Rounding may reach a whole second (0.9999999999 s); carry it, as Duration needs < 1e9 ns.
  return nanosec >= 1e9 ? { sec: sec + 1, nanosec: 0 } : { sec, nanosec };
}

/**
 * A gesture's trajectory as the JointTrajectory message the gesture node publishes (and
 * `hearth gesture play --json` prints): positions only, the controller interpolates. The header's
 * stamp is zero, which a joint trajectory controller reads as "start at once, on receipt", so the
 * message is the same whenever it is sent; frame_id is empty (joint space). A gesture played as
 * the robot's own animation has no points.
 */
export function rosJointTrajectory(trajectory: JointTrajectory): JointTrajectoryMessage {
  return JointTrajectoryType.create({
    joint_names: [...trajectory.jointNames],
    points: trajectory.points.map((point) => ({
      positions: [...point.positions],
      velocities: [],
      accelerations: [],
      effort: [],
      time_from_start: duration(point.timeFromStartS),
    })),
  });
}
