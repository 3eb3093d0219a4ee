import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GestureLimitError } from '../src/errors/GestureLimitError.js';
import { GestureProfileError } from '../src/errors/GestureProfileError.js';
import { UnknownGestureError } from '../src/errors/UnknownGestureError.js';
import { SUPPORT_STRATEGIES } from '../src/profile/GestureProfile.js';
import { gestureTrajectory } from '../src/profile/gestureTrajectory.js';
import { DEFAULT_GESTURES_FILE, loadGestureProfile } from '../src/profile/loadGestureProfile.js';
import { parseGestureProfile } from '../src/profile/parseGestureProfile.js';
import { rosJointTrajectory } from '../src/profile/rosJointTrajectory.js';

/** A small valid profile; tests break one thing at a time. */
const MINIMAL = `
version: 1
robot: test_bot
joints:
  head_pitch: { min: -0.4, max: 0.4, max_velocity: 1.0 }
  elbow: { min: 0, max: 2, max_velocity: 2.0, neutral: 0.5 }
face_expressions: [warm]
gestures:
  nod:
    priority: 2
    face: warm
    keyframes:
      - { time: 0.3, joints: { head_pitch: 0.2 } }
      - { time: 0.6, joints: { head_pitch: 0.0 } }
  reach:
    priority: 1
    keyframes:
      - { time: 1.0, joints: { elbow: 1.5 } }
      - { time: 1.5, joints: { head_pitch: 0.2 } }
mapping:
  strategy: { Question: nod }
  state: { listening: reach }
  sentence_cues:
    - { ends_with: ['?'], gesture: nod }
  default: nod
`;

function parseError(text: string): GestureProfileError {
  try {
    parseGestureProfile(text, 'robot/gestures.yaml');
  } catch (error) {
    if (error instanceof GestureProfileError) return error;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

describe('gesture profiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-gesture-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the default robot profile, with a gesture for every ESConv strategy', async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    expect(profile.robot).toBe('generic_humanoid');
    for (const name of [
      'nod',
      'slow_nod',
      'head_tilt',
      'open_palms',
      'lean_in',
      'thinking_pose',
      'wave',
      'idle_breathing',
      'comfort',
    ]) {
      expect(profile.gestures.has(name)).toBe(true);
    }
    for (const strategy of SUPPORT_STRATEGIES)
      expect(profile.mapping.strategy.get(strategy)).toBeDefined();
    expect(profile.mapping.state.get('listening')).toEqual(['lean_in']);
    expect(profile.mapping.state.get('thinking')).toEqual(['thinking_pose']);
    expect(profile.mapping.state.get('asleep')).toEqual(['idle_breathing', 'idle_gaze']);
    expect(profile.mapping.affect.get('sadness')).toBe('slow_nod');
    expect(profile.mapping.default).toBe('nod');
  });

  it('names the file and the fix when the file is missing', async () => {
    const missing = join(dir, 'absent.yaml');
    await expect(loadGestureProfile(missing)).rejects.toThrow(GestureProfileError);
    await expect(loadGestureProfile(missing)).rejects.toThrow(
      /absent\.yaml[\s\S]*does not exist[\s\S]*gestures_file/,
    );
  });

  it('reports YAML syntax errors with their line', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'version: 1\njoints: [unclosed\n');
    await expect(loadGestureProfile(path)).rejects.toThrow(/broken\.yaml[\s\S]*line \d+/);
  });

  it('names the key of a misspelt or missing field', () => {
    const error = parseError(MINIMAL.replace('max_velocity: 2.0', 'max_speed: 2.0'));
    expect(error.message).toContain('robot/gestures.yaml');
    expect(error.issues.map((issue) => issue.key)).toEqual(
      expect.arrayContaining(['joints.elbow', 'joints.elbow.max_velocity']),
    );
    expect(error.message).toMatch(/max_speed/);
  });

  it('refuses an unknown strategy or state name', () => {
    expect(parseError(MINIMAL.replace('Question: nod', 'Questioning: nod')).message).toMatch(
      /mapping\.strategy/,
    );
    expect(parseError(MINIMAL.replace('listening: reach', 'dancing: reach')).message).toMatch(
      /mapping\.state/,
    );
  });

  it('refuses a mapping to a gesture that is not defined', () => {
    const error = parseError(MINIMAL.replace('default: nod', 'default: shrug'));
    expect(error.issues[0]?.key).toBe('mapping.default');
    expect(error.message).toMatch(/"shrug"[\s\S]*nod, reach/);
  });

  it('refuses a keyframe beyond a joint position limit, naming gesture, joint and limit', () => {
    const error = parseError(MINIMAL.replace('{ elbow: 1.5 }', '{ elbow: 2.5 }'));
    expect(error).toBeInstanceOf(GestureLimitError);
    const limit = error as GestureLimitError;
    expect([limit.gesture, limit.joint, limit.limit]).toEqual(['reach', 'elbow', 'position']);
    expect(limit.message).toMatch(/gestures\.reach\.keyframes\[0\]\.joints\.elbow[\s\S]*\[0, 2\]/);
  });

  it('refuses a keyframe that would move a joint faster than its velocity limit', () => {
    // From neutral 0.5 to 1.5 rad in 0.2 s is 5 rad/s, above 2.
    const error = parseError(
      MINIMAL.replace(
        '{ time: 1.0, joints: { elbow: 1.5 } }',
        '{ time: 0.2, joints: { elbow: 1.5 } }',
      ),
    );
    expect(error).toBeInstanceOf(GestureLimitError);
    expect((error as GestureLimitError).limit).toBe('velocity');
    expect(error.message).toMatch(/"reach"[\s\S]*elbow[\s\S]*max_velocity 2/);
  });

  it('refuses keyframes out of time order and unknown joints', () => {
    expect(
      parseError(
        MINIMAL.replace(
          '{ time: 0.6, joints: { head_pitch: 0.0 } }',
          '{ time: 0.2, joints: { head_pitch: 0.1 } }',
        ),
      ).message,
    ).toMatch(/gestures\.nod\.keyframes\[1\]\.time/);
    expect(parseError(MINIMAL.replace('{ elbow: 1.5 }', '{ knee: 0.1 }')).message).toMatch(/knee/);
  });

  it('gives a gesture as a joint trajectory, interpolating joints a keyframe leaves out', () => {
    const profile = parseGestureProfile(MINIMAL, 'robot/gestures.yaml');
    const trajectory = gestureTrajectory(profile, 'reach');
    expect(trajectory.jointNames).toEqual(['head_pitch', 'elbow']);
    expect(trajectory.points.map((point) => point.timeFromStartS)).toEqual([1.0, 1.5]);
    const [first, second] = trajectory.points;
    expect(first?.positions[0]).toBeCloseTo(0.2 * (1.0 / 1.5), 9);
    expect(first?.positions[1]).toBeCloseTo(1.5, 9);
    expect(second?.positions).toEqual([0.2, 1.5]);
    expect(trajectory.durationS).toBe(1.5);
    expect(profile.gestures.get('reach')?.joints).toEqual(['head_pitch', 'elbow']);
  });

  it('gives the trajectory in trajectory_msgs/JointTrajectory field names', () => {
    const profile = parseGestureProfile(MINIMAL, 'robot/gestures.yaml');
    const ros = rosJointTrajectory(gestureTrajectory(profile, 'reach'));
    expect(ros.joint_names).toEqual(['head_pitch', 'elbow']);
    expect(ros.points[1]).toEqual({
      positions: [0.2, 1.5],
      velocities: [],
      accelerations: [],
      effort: [],
      time_from_start: { sec: 1, nanosec: 500000000 },
    });
  });

  it("takes a robot's own named animation, with its duration and the joints it occupies", () => {
    const profile = parseGestureProfile(
      MINIMAL.replace(
        'mapping:',
        `  hey:
    priority: 3
    animation: animations/Stand/Gestures/Hey_1
    duration: 3.2
    occupies: [elbow]
mapping:`,
      ),
      'robot/gestures.yaml',
    );
    const hey = profile.gestures.get('hey');
    expect(hey).toMatchObject({ animation: 'animations/Stand/Gestures/Hey_1', durationS: 3.2 });
    expect(hey?.joints).toEqual(['elbow']);
    expect(gestureTrajectory(profile, 'hey')).toMatchObject({
      animation: 'animations/Stand/Gestures/Hey_1',
      points: [],
      jointNames: [],
    });
    const noDuration = parseError(
      MINIMAL.replace('mapping:', '  hey:\n    priority: 3\n    animation: Hey_1\nmapping:'),
    );
    expect(noDuration.message).toMatch(/gestures\.hey[\s\S]*animation with its duration/);
    const badJoint = parseError(
      MINIMAL.replace(
        'mapping:',
        '  hey:\n    priority: 3\n    animation: Hey_1\n    duration: 1\n    occupies: [knee]\nmapping:',
      ),
    );
    expect(badJoint.issues[0]?.key).toBe('gestures.hey.occupies[0]');
  });

  it('takes a list of gestures for a state, an affect mapping, and robot joint names', () => {
    const profile = parseGestureProfile(
      MINIMAL.replace('listening: reach', 'listening: [reach, nod]')
        .replace('state:', 'affect: { sadness: nod }\n  state:')
        .replace(/head_pitch/g, 'HeadPitch'),
      'robot/gestures.yaml',
    );
    expect(profile.mapping.state.get('listening')).toEqual(['reach', 'nod']);
    expect(profile.mapping.affect.get('sadness')).toBe('nod');
    expect([...profile.joints.keys()]).toEqual(['HeadPitch', 'elbow']);
    expect(
      parseError(MINIMAL.replace('state:', 'affect: { glee: nod }\n  state:')).message,
    ).toMatch(/mapping\.affect/);
    expect(
      parseError(MINIMAL.replace('listening: reach', 'listening: [reach, shrug]')).issues[0]?.key,
    ).toBe('mapping.state.listening[1]');
  });

  it('scales a trajectory by intensity around the neutral pose', () => {
    const profile = parseGestureProfile(MINIMAL, 'robot/gestures.yaml');
    const half = gestureTrajectory(profile, 'reach', 0.5);
    expect(half.points[0]?.positions[1]).toBeCloseTo(0.5 + (1.5 - 0.5) / 2, 9);
  });

  it('refuses a gesture the profile does not define', () => {
    const profile = parseGestureProfile(MINIMAL, 'robot/gestures.yaml');
    expect(() => gestureTrajectory(profile, 'moonwalk')).toThrow(UnknownGestureError);
    expect(() => gestureTrajectory(profile, 'moonwalk')).toThrow(/nod, reach/);
  });
});
