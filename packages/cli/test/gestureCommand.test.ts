import { describe, expect, it } from '@jest/globals';
import { gestureTrajectory, loadGestureProfile, rosJointTrajectory } from '@hearth/gesture';
import { GestureCommandType, JointTrajectoryType } from '@hearth/interfaces';
import { CliError } from '../src/errors.js';
import {
  gestureListCommand,
  gesturePlayCommand,
  resolveGesturesFile,
} from '../src/commands/gesture.js';
import { robotConfigDir } from '../src/robotProfile.js';
import { captureOutput } from './support/captureOutput.js';

describe('hearth gesture', () => {
  it('resolves --robot from a profile name, its folder, its params.yaml or a gestures file', () => {
    const pepper = `${robotConfigDir()}/pepper/gestures.yaml`;
    expect(resolveGesturesFile('pepper')).toBe(pepper);
    expect(resolveGesturesFile(`${robotConfigDir()}/pepper`)).toBe(pepper);
    expect(resolveGesturesFile(`${robotConfigDir()}/pepper/params.yaml`)).toBe(pepper);
    expect(resolveGesturesFile(pepper)).toBe(pepper);
    expect(() => resolveGesturesFile('no-such-robot')).toThrow(CliError);
  });

  it('lists the gestures of a profile and what chooses them', async () => {
    const { out, text } = captureOutput();
    expect(await gestureListCommand({ robot: 'qtrobot', json: false }, out)).toBe(0);
    expect(text()).toMatch(/^Robot qtrobot/);
    expect(text()).toMatch(/slow_nod\s+priority 2; 1\.6 s; 2 keyframes; joints HeadPitch/);
    expect(text()).toMatch(/wave\s+priority 3; 4\.0 s; animation QT\/hi/);
    expect(text()).toContain('state asleep -> idle_breathing + idle_gaze');
    const json = captureOutput();
    await gestureListCommand({ robot: 'pepper', json: true }, json.out);
    const listed = JSON.parse(json.text()) as { robot: string; gestures: { name: string }[] };
    expect(listed.robot).toBe('pepper');
    expect(listed.gestures.map((g) => g.name)).toContain('open_palms');
  });

  it('prints exactly the JointTrajectory message the gesture node publishes', async () => {
    const { out, text } = captureOutput();
    await gesturePlayCommand('slow_nod', { robot: 'default', json: true, intensity: '0.5' }, out);
    const played = JointTrajectoryType.parse(JSON.parse(text()));
    const profile = await loadGestureProfile(resolveGesturesFile('default'));
    expect(played).toEqual(rosJointTrajectory(gestureTrajectory(profile, 'slow_nod', 0.5)));
    expect(Object.keys(played)).toEqual(['header', 'joint_names', 'points']);
    expect(played.joint_names).toEqual(['head_pitch']);
    expect(played.points.map((p) => p.time_from_start)).toEqual([
      { sec: 0, nanosec: 800000000 },
      { sec: 1, nanosec: 600000000 },
    ]);
    expect(played.points[0]?.positions[0]).toBeCloseTo(0.15, 9);
    // A robot's own animation has no trajectory: the command naming it is what is sent.
    const animation = captureOutput();
    await gesturePlayCommand(
      'wave',
      { robot: 'pepper', json: true, intensity: '1' },
      animation.out,
    );
    expect(GestureCommandType.parse(JSON.parse(animation.text()))).toMatchObject({
      name: 'wave',
      reason: 'preview',
      priority: 3,
    });
  });

  it("names a robot's own animation, and prints a table without --json", async () => {
    const animation = captureOutput();
    await gesturePlayCommand(
      'wave',
      { robot: 'pepper', json: false, intensity: '1' },
      animation.out,
    );
    expect(animation.text()).toContain(
      "plays the robot's own animation animations/Stand/Gestures/Hey_1",
    );
    const table = captureOutput();
    await gesturePlayCommand('nod', { robot: 'default', json: false, intensity: '1' }, table.out);
    expect(table.text().split('\n')[1]).toMatch(/time_s\s+head_pitch/);
  });

  it('refuses an unknown gesture or intensity with the fix', async () => {
    const { out } = captureOutput();
    await expect(
      gesturePlayCommand('moonwalk', { robot: 'default', json: false, intensity: '1' }, out),
    ).rejects.toThrow(/moonwalk[\s\S]*hearth gesture list --robot default/);
    await expect(
      gesturePlayCommand('nod', { robot: 'default', json: false, intensity: '2' }, out),
    ).rejects.toThrow(/--intensity must be a number from 0 to 1/);
  });
});
