import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  checkTrajectoryLimits,
  DEFAULT_GESTURES_FILE,
  gestureTrajectory,
  loadGestureProfile,
  rosJointTrajectory,
  UnknownGestureError,
  type GestureProfile,
} from '@hearth/gesture';
import { GestureCommandType, GestureReason } from '@hearth/interfaces';
import { CliError } from '../errors.js';
import { loadRobotProfile } from '../robotProfile.js';

export interface GestureListOptions {
  robot?: string;
  json: boolean;
}

export interface GesturePlayOptions extends GestureListOptions {
  intensity: string;
}

/**
 * The gestures file `--robot` names: a gestures file given directly, or the gestures.yaml of a
 * robot profile (a name under robot-config/, its folder or its params.yaml); the default
 * humanoid's when the profile has none.
 */
export function resolveGesturesFile(robot: string | undefined): string {
  if (
    robot !== undefined &&
    existsSync(robot) &&
    statSync(robot).isFile() &&
    basename(robot) !== 'params.yaml'
  )
    return robot;
  return loadRobotProfile(robot).gesturesFile ?? DEFAULT_GESTURES_FILE;
}

function describeGesture(profile: GestureProfile, name: string): string {
  const gesture = profile.gestures.get(name);
  if (!gesture) return name;
  const motion = gesture.animation
    ? `animation ${gesture.animation}`
    : `${gesture.keyframes.length} keyframes`;
  const flags = [
    `priority ${gesture.priority}`,
    `${gesture.durationS.toFixed(1)} s${gesture.loop ? ', loops' : ''}`,
    motion,
    `joints ${gesture.joints.join(' ') || '(none)'}`,
  ];
  return `${name.padEnd(16)} ${flags.join('; ')}${gesture.description ? `\n${''.padEnd(17)}${gesture.description}` : ''}`;
}

/** `hearth gesture list`: the robot profile's gestures and what chooses them. */
export async function gestureListCommand(
  options: GestureListOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const profile = await loadGestureProfile(resolveGesturesFile(options.robot));
  const { mapping } = profile;
  if (options.json) {
    const json = {
      robot: profile.robot,
      file: profile.file,
      joints: [...profile.joints.values()].map((joint) => ({
        name: joint.name,
        min: joint.min,
        max: joint.max,
        max_velocity: joint.maxVelocity,
        neutral: joint.neutral,
      })),
      gestures: [...profile.gestures.values()].map((gesture) => ({
        name: gesture.name,
        description: gesture.description,
        priority: gesture.priority,
        duration_s: gesture.durationS,
        loop: gesture.loop,
        face: gesture.face,
        animation: gesture.animation,
        joints: gesture.joints,
      })),
      mapping: {
        strategy: Object.fromEntries(mapping.strategy),
        state: Object.fromEntries(mapping.state),
        affect: Object.fromEntries(mapping.affect),
        default: mapping.default,
      },
    };
    out.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Robot ${profile.robot} (${profile.file}): ${profile.joints.size} joints, ${profile.gestures.size} gestures`,
    '',
    ...[...profile.gestures.keys()].map((name) => describeGesture(profile, name)),
    '',
    'Chosen by:',
    ...[...mapping.strategy].map(([strategy, name]) => `  strategy ${strategy} -> ${name}`),
    ...[...mapping.state].map(([state, names]) => `  state ${state} -> ${names.join(' + ')}`),
    ...[...mapping.affect].map(([emotion, name]) => `  affect ${emotion} -> ${name}`),
    `  default -> ${mapping.default}`,
  ];
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * `hearth gesture play NAME`: the joint trajectory the gesture node publishes for this gesture
 * on this robot (on its `trajectory_topic`, by default /hearth/gesture/joint_trajectory). `--json`
 * prints exactly that trajectory_msgs/JointTrajectory message (positions in radians, scaled by
 * `--intensity`, checked against the joint limits) as planned from rest, the joints at their
 * neutral pose: on a running robot the node plans from the current pose, so after a held posture
 * the approach to the first point may be retimed (stretched to the velocity limits). For a
 * gesture the robot plays as its own animation, the node sends no trajectory, so it prints the
 * GestureCommand naming it instead.
 */
export async function gesturePlayCommand(
  name: string,
  options: GesturePlayOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const intensity = Number(options.intensity);
  if (!Number.isFinite(intensity) || intensity < 0 || intensity > 1)
    throw new CliError(`--intensity must be a number from 0 to 1, got "${options.intensity}".`);
  const profile = await loadGestureProfile(resolveGesturesFile(options.robot));
  let trajectory;
  try {
    trajectory = gestureTrajectory(profile, name, intensity);
  } catch (error) {
    if (error instanceof UnknownGestureError)
      throw new CliError(
        `${error.message} (\`hearth gesture list --robot ${options.robot ?? 'default'}\` lists them)`,
      );
    throw error;
  }
  checkTrajectoryLimits(profile, trajectory);
  if (options.json) {
    const gesture = profile.gestures.get(name);
    const message = trajectory.animation
      ? GestureCommandType.create({
          name,
          reason: GestureReason.preview,
          priority: gesture?.priority ?? 0,
          intensity,
        })
      : rosJointTrajectory(trajectory);
    out.write(`${JSON.stringify(message, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${name} on ${profile.robot}: ${trajectory.durationS.toFixed(2)} s${trajectory.loop ? ', loops' : ''}${trajectory.face ? `, face ${trajectory.face}` : ''}`,
  ];
  if (trajectory.animation) lines.push(`plays the robot's own animation ${trajectory.animation}`);
  else {
    lines.push(['time_s', ...trajectory.jointNames].map((cell) => cell.padStart(14)).join(''));
    for (const point of trajectory.points)
      lines.push(
        [point.timeFromStartS.toFixed(2), ...point.positions.map((p) => p.toFixed(3))]
          .map((cell) => cell.padStart(14))
          .join(''),
      );
  }
  out.write(`${lines.join('\n')}\n`);
  return 0;
}
