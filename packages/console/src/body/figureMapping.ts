/**
 * The console draws one figure for every robot: the generic humanoid's joints (head pan, pitch
 * and roll, torso pitch, two arms of shoulder pitch, shoulder roll and elbow). A robot profile's
 * joints map onto it by name, with a sign where the robot's convention turns the other way, and
 * each joint moves the figure by its distance from the robot's own neutral pose. So a Pepper nod
 * (HeadPitch from -0.2 to 0.05) nods the figure's head by the same 0.25 rad.
 */
import type { GestureProfile } from '@hearth/gesture';

export const FIGURE_JOINTS = [
  'head_pan',
  'head_pitch',
  'head_roll',
  'torso_pitch',
  'left_shoulder_pitch',
  'left_shoulder_roll',
  'left_elbow',
  'right_shoulder_pitch',
  'right_shoulder_roll',
  'right_elbow',
] as const;
export type FigureJoint = (typeof FIGURE_JOINTS)[number];

/**
 * The figure's rest pose, radians, in the generic humanoid's conventions
 * (robot-config/default/gestures.yaml): + looks down, leans forward, raises the arm forward,
 * moves it out to the side, bends the elbow.
 */
export const FIGURE_NEUTRAL: Readonly<Record<FigureJoint, number>> = {
  head_pan: 0,
  head_pitch: 0,
  head_roll: 0,
  torso_pitch: 0,
  left_shoulder_pitch: 0,
  left_shoulder_roll: 0.1,
  left_elbow: 0.3,
  right_shoulder_pitch: 0,
  right_shoulder_roll: 0.1,
  right_elbow: 0.3,
};

/** One robot joint on the figure: figure = figure neutral + sign × (position − robot neutral). */
export interface JointMapping {
  readonly robotJoint: string;
  readonly figureJoint: FigureJoint;
  readonly sign: 1 | -1;
  readonly robotNeutral: number;
}

export interface FigureMapping {
  readonly mapped: readonly JointMapping[];
  /** The robot's joints the figure cannot show (e.g. Pepper's wrists and knee). */
  readonly unmapped: readonly string[];
}

type RobotTable = Readonly<Record<string, readonly [FigureJoint, 1 | -1]>>;

/**
 * Joint tables of the robot families in robot-config/, keyed by the profile's `robot`. Signs
 * follow the conventions written at the top of each gestures.yaml.
 */
const ROBOT_TABLES: Readonly<Record<string, RobotTable>> = {
  // NAOqi: ShoulderPitch + lowers the arm; RShoulderRoll − and LElbowRoll − move out and bend;
  // HipPitch − bends forward.
  pepper: {
    HeadYaw: ['head_pan', 1],
    HeadPitch: ['head_pitch', 1],
    HipPitch: ['torso_pitch', -1],
    LShoulderPitch: ['left_shoulder_pitch', -1],
    LShoulderRoll: ['left_shoulder_roll', 1],
    LElbowRoll: ['left_elbow', -1],
    RShoulderPitch: ['right_shoulder_pitch', -1],
    RShoulderRoll: ['right_shoulder_roll', -1],
    RElbowRoll: ['right_elbow', 1],
  },
  // QTrobot: ShoulderPitch lowers the arm as it grows; ShoulderRoll nearer 0 opens the arm;
  // ElbowRoll − bends.
  qtrobot: {
    HeadYaw: ['head_pan', 1],
    HeadPitch: ['head_pitch', 1],
    LeftShoulderPitch: ['left_shoulder_pitch', -1],
    LeftShoulderRoll: ['left_shoulder_roll', 1],
    LeftElbowRoll: ['left_elbow', -1],
    RightShoulderPitch: ['right_shoulder_pitch', -1],
    RightShoulderRoll: ['right_shoulder_roll', 1],
    RightElbowRoll: ['right_elbow', -1],
  },
};

const FIGURE_JOINT_SET: ReadonlySet<string> = new Set(FIGURE_JOINTS);

/**
 * How a profile's joints drive the figure. Robots without a table (the generic humanoid, or a
 * new robot that uses its joint names) map the joints named like the figure's.
 */
export function figureMapping(profile: GestureProfile): FigureMapping {
  const table = ROBOT_TABLES[profile.robot];
  const mapped: JointMapping[] = [];
  const unmapped: string[] = [];
  for (const joint of profile.joints.values()) {
    const entry: readonly [FigureJoint, 1 | -1] | undefined =
      table?.[joint.name] ??
      (FIGURE_JOINT_SET.has(joint.name) ? [joint.name as FigureJoint, 1] : undefined);
    if (entry === undefined) {
      unmapped.push(joint.name);
      continue;
    }
    mapped.push({
      robotJoint: joint.name,
      figureJoint: entry[0],
      sign: entry[1],
      robotNeutral: joint.neutral,
    });
  }
  return { mapped, unmapped };
}
