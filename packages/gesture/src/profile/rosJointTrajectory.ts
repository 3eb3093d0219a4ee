import type { JointTrajectory } from './gestureTrajectory.js';

/** builtin_interfaces/Duration. */
export interface RosDuration {
  readonly sec: number;
  readonly nanosec: number;
}

/** trajectory_msgs/JointTrajectoryPoint, with the fields a position-only gesture fills. */
export interface RosJointTrajectoryPoint {
  readonly positions: readonly number[];
  readonly velocities: readonly number[];
  readonly accelerations: readonly number[];
  readonly effort: readonly number[];
  readonly time_from_start: RosDuration;
}

/**
 * trajectory_msgs/JointTrajectory as a robot's joint trajectory controller takes it (the header
 * is left to the sender, which stamps it when it sends). A gesture played as the robot's own
 * animation has no points; `animation` then names it.
 */
export interface RosJointTrajectory {
  readonly header: { readonly stamp: RosDuration; readonly frame_id: string };
  readonly joint_names: readonly string[];
  readonly points: readonly RosJointTrajectoryPoint[];
}

function duration(seconds: number): RosDuration {
  const sec = Math.floor(seconds);
  return { sec, nanosec: Math.round((seconds - sec) * 1e9) };
}

/** A gesture's trajectory in the field names and units of trajectory_msgs/JointTrajectory. */
export function rosJointTrajectory(trajectory: JointTrajectory): RosJointTrajectory {
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: '' },
    joint_names: trajectory.jointNames,
    points: trajectory.points.map((point) => ({
      positions: point.positions,
      velocities: [],
      accelerations: [],
      effort: [],
      time_from_start: duration(point.timeFromStartS),
    })),
  };
}
