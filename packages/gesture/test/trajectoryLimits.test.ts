import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  checkTrajectoryLimits,
  DEFAULT_GESTURES_FILE,
  GestureLimitError,
  gestureTrajectory,
  loadGestureProfile,
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
});
