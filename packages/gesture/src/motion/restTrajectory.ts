import type { GestureProfile } from '../profile/GestureProfile.js';
import type { JointTrajectory } from '../profile/gestureTrajectory.js';

/** The name return-to-rest trajectories carry (no gesture of a profile; never a GestureCommand). */
export const REST_MOTION = 'return_to_rest';

/**
 * A rest motion goes at this share of each joint's max_velocity: a body settling back should look
 * calm, not snap home.
 */
const REST_SPEED = 0.5;

/** The shortest rest motion (s), so a tiny offset does not twitch. */
const MIN_REST_S = 0.3;

/** Closer than this (rad) to neutral counts as at rest. */
export const AT_REST_RAD = 1e-6;

/**
 * One point taking the named joints from `pose` back to where they rest together: their neutral
 * positions, or the `goals` given (a held posture's pose, which an overlay gesture left), timed
 * so the joint with the farthest to go moves at REST_SPEED of its max_velocity. Joints already at
 * their goal, or unknown to the profile, are left out; undefined when none is left.
 */
export function restTrajectory(
  profile: GestureProfile,
  joints: readonly string[],
  pose: ReadonlyMap<string, number>,
  goals: ReadonlyMap<string, number> = new Map(),
): JointTrajectory | undefined {
  const goalOf = (name: string, neutral: number): number => goals.get(name) ?? neutral;
  const distance = (name: string, neutral: number): number =>
    Math.abs((pose.get(name) ?? neutral) - goalOf(name, neutral));
  const moving = [...profile.joints.values()].filter(
    (joint) => joints.includes(joint.name) && distance(joint.name, joint.neutral) > AT_REST_RAD,
  );
  if (moving.length === 0) return undefined;
  const durationS = Math.max(
    MIN_REST_S,
    ...moving.map(
      (joint) => distance(joint.name, joint.neutral) / (joint.maxVelocity * REST_SPEED),
    ),
  );
  return {
    gesture: REST_MOTION,
    jointNames: moving.map((joint) => joint.name),
    points: [
      {
        timeFromStartS: durationS,
        positions: moving.map((joint) => goalOf(joint.name, joint.neutral)),
      },
    ],
    loop: false,
    face: '',
    durationS,
    animation: '',
  };
}
