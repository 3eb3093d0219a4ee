/**
 * The robot's body as the page draws it: the profile's joints and gestures, and each gesture
 * command as the joint trajectory the robot's driver would play for it.
 */
import { gestureTrajectory, type GestureProfile } from '@hearth/gesture';
import type { GestureCommand } from '@hearth/interfaces';
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
 * The motion for a gesture command: the same trajectory `gestureTrajectory` gives the robot's
 * driver, at the command's intensity, starting at the command's time plus its offset.
 */
export function motionView(
  profile: GestureProfile,
  command: GestureCommand,
  nowMs: number,
): MotionView {
  const startMs = stampMs(command.stamp) + command.start_offset_ms;
  const base = {
    gesture: command.name,
    reason: command.reason,
    priority: command.priority,
    intensity: command.intensity,
    // A command stamped in the past starts at once; the page cannot rewind.
    delayMs: Math.max(0, Math.round(startMs - nowMs)),
  };
  if (!profile.gestures.has(command.name)) {
    return {
      ...base,
      jointNames: [],
      points: [],
      loop: false,
      durationS: 0,
      animation: '',
      face: '',
      known: false,
    };
  }
  const trajectory = gestureTrajectory(profile, command.name, command.intensity);
  return {
    ...base,
    jointNames: trajectory.jointNames,
    points: trajectory.points.map((point) => ({
      timeS: point.timeFromStartS,
      positions: point.positions,
    })),
    loop: trajectory.loop,
    durationS: trajectory.durationS,
    animation: trajectory.animation,
    face: trajectory.face,
    known: true,
  };
}
