/**
 * The robot's body as the page draws it: the profile's joints and gestures, the joint
 * trajectories the robot's controller gets, and the gestures known only from their command.
 */
import type { GestureProfile } from '@hearth/gesture';
import type { GestureCommand, JointTrajectory } from '@hearth/interfaces';
import type { BodyView, MotionView } from '../protocol.js';
import { stampMs } from '../views.js';
import { FIGURE_NEUTRAL, figureMapping } from './figureMapping.js';

export function bodyView(profile: GestureProfile): BodyView {
  const { mapped, unmapped } = figureMapping(profile);
  return {
    robot: profile.robot,
    file: profile.file,
    joints: [...profile.joints.values()].map((joint) => ({
      name: joint.name,
      min: joint.min,
      max: joint.max,
      neutral: joint.neutral,
    })),
    mapping: mapped,
    unmapped,
    figureNeutral: FIGURE_NEUTRAL,
    faceExpressions: profile.faceExpressions,
    gestures: [...profile.gestures.values()].map((gesture) => ({
      name: gesture.name,
      description: gesture.description,
      priority: gesture.priority,
      loop: gesture.loop,
      durationS: gesture.durationS,
      animation: gesture.animation,
    })),
  };
}

/**
 * A gesture command the figure cannot play from joint commands: the robot's own named animation
 * (its driver plays it; no JointTrajectory is sent) or a gesture the profile lacks. The page
 * names it, marked as known only from the command. Null for a keyframed gesture, whose
 * JointTrajectory follows on the gesture node's trajectory topic.
 */
export function commandMotion(
  profile: GestureProfile,
  command: GestureCommand,
  nowMs: number,
): MotionView | null {
  const gesture = profile.gestures.get(command.name);
  if (gesture && !gesture.animation && gesture.keyframes.length > 0) return null;
  const startMs = stampMs(command.stamp) + command.start_offset_ms;
  return {
    source: 'command',
    gesture: command.name,
    reason: command.reason,
    priority: command.priority,
    intensity: command.intensity,
    // A command stamped in the past starts at once; the page cannot rewind.
    delayMs: Math.max(0, Math.round(startMs - nowMs)),
    jointNames: [],
    points: [],
    loop: gesture?.loop ?? false,
    durationS: gesture?.durationS ?? 0,
    animation: gesture?.animation ?? '',
    face: gesture?.face ?? '',
    known: gesture !== undefined,
  };
}

/** The gesture a trajectory performs, from the GestureCommand that started it. */
export interface TrajectoryLabel {
  readonly gesture: string;
  readonly reason: string;
  readonly priority: number;
  readonly intensity: number;
  readonly loop: boolean;
}

/**
 * A JointTrajectory as the figure plays it: its own joint names, positions and times, exactly
 * as the robot's controller got them. The gesture node stamps it zero ("start on receipt"); a
 * stamp in the future delays it. Each cycle of a looping gesture is its own trajectory, so the
 * motion itself never loops.
 */
export function trajectoryMotion(
  trajectory: JointTrajectory,
  label: TrajectoryLabel | null,
  nowMs: number,
): MotionView {
  const points = trajectory.points.map((point) => ({
    timeS: point.time_from_start.sec + point.time_from_start.nanosec / 1e9,
    positions: [...point.positions],
  }));
  const startMs = stampMs(trajectory.header.stamp);
  return {
    source: 'trajectory',
    gesture: label?.gesture ?? '',
    reason: label?.reason ?? '',
    priority: label?.priority ?? 0,
    intensity: label?.intensity ?? 1,
    delayMs: startMs === 0 ? 0 : Math.max(0, Math.round(startMs - nowMs)),
    jointNames: [...trajectory.joint_names],
    points,
    loop: false,
    durationS: points.at(-1)?.timeS ?? 0,
    animation: '',
    // The gesture node sends a gesture's face on FaceCommand, which the figure follows.
    face: '',
    known: true,
  };
}
