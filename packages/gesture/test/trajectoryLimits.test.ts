import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  approachFrom,
  checkTrajectoryLimits,
  DEFAULT_GESTURES_FILE,
  GestureLimitError,
  gestureTrajectory,
  loadGestureProfile,
  PoseTracker,
  restTrajectory,
  type GestureProfile,
  type JointTrajectory,
} from '../src/index.js';

describe('checkTrajectoryLimits (default robot profile)', () => {
  let profile: GestureProfile;
  beforeAll(async () => {
    profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
  });

  it('passes every gesture of the profile at every intensity', () => {
    for (const name of profile.gestures.keys())
      for (const intensity of [0, 0.3, 1])
        expect(() =>
          checkTrajectoryLimits(profile, gestureTrajectory(profile, name, intensity)),
        ).not.toThrow();
  });

  it('refuses a position or a speed past the limit, naming gesture, joint and limit', () => {
    const nod = gestureTrajectory(profile, 'nod');
    const pitch = profile.joints.get('head_pitch')!;
    const tampered = (positions: number[], times: number[]): JointTrajectory => ({
      ...nod,
      jointNames: ['head_pitch'],
      points: positions.map((p, i) => ({ positions: [p], timeFromStartS: times[i] ?? 0 })),
    });
    expect(() => checkTrajectoryLimits(profile, tampered([pitch.max + 0.1], [1]))).toThrow(
      /gesture "nod" exceeds joint head_pitch's position limit/,
    );
    const fast = tampered([pitch.max], [(pitch.max - pitch.neutral) / pitch.maxVelocity / 2]);
    expect(() => checkTrajectoryLimits(profile, fast)).toThrow(GestureLimitError);
    expect(() => checkTrajectoryLimits(profile, fast)).toThrow(/velocity limit/);
  });

  it('checks from the pose the joints are in, and retimes only the approach from there', () => {
    const nod = gestureTrajectory(profile, 'nod');
    const raised = new Map([['head_pitch', -0.15]]); // the thinking pose's head
    expect(() => checkTrajectoryLimits(profile, nod)).not.toThrow();
    expect(() => checkTrajectoryLimits(profile, nod, raised)).toThrow(
      /gesture "nod" exceeds joint head_pitch's velocity limit: 1\.600 rad\/s/,
    );
    const planned = approachFrom(profile, nod, raised);
    const shift = 0.4 / 1.5 - 0.25;
    planned.points.forEach((point, i) =>
      expect(point.timeFromStartS).toBeCloseTo(nod.points[i]!.timeFromStartS + shift, 5),
    );
    expect(planned.durationS).toBeCloseTo(nod.durationS + shift, 5);
    expect(() => checkTrajectoryLimits(profile, planned, raised)).not.toThrow();
    // From neutral nothing changes; positions out of range no timing fixes.
    expect(approachFrom(profile, nod, new Map())).toBe(nod);
    const tooLow = { ...nod, points: [{ positions: [-1], timeFromStartS: 5 }] };
    expect(() => approachFrom(profile, tooLow, raised)).toThrow(/position limit/);
  });

  it('tracks commanded positions through interruptions, and times a return to rest', () => {
    const tracker = new PoseTracker();
    const slowNod = gestureTrajectory(profile, 'slow_nod'); // 0 -> 0.3 rad over 0.8 s
    tracker.record(slowNod, 1000, new Map());
    expect(tracker.positionAt('head_pitch', 1400, 0)).toBeCloseTo(0.15, 9);
    expect(tracker.positionAt('head_roll', 1400, 0)).toBe(0);
    const pose = new Map([['head_pitch', tracker.positionAt('head_pitch', 1400, 0)]]);
    const rest = restTrajectory(profile, ['head_pitch', 'head_roll'], pose)!;
    expect(rest.jointNames).toEqual(['head_pitch']); // head_roll is already at rest
    // At half of max_velocity (1.5 rad/s), at least 0.3 s.
    expect(rest.points).toEqual([{ positions: [0], timeFromStartS: 0.3 }]);
    tracker.record(rest, 1400, pose); // cut mid-nod
    expect(tracker.positionAt('head_pitch', 1550, 0)).toBeCloseTo(0.075, 9);
    expect(tracker.targetOf('head_pitch', 0)).toBe(0);
    expect(restTrajectory(profile, ['head_pitch'], new Map([['head_pitch', 0]]))).toBeUndefined();
  });
});
