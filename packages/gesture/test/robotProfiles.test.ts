import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture, loadParametersFile } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import {
  DEFAULT_GESTURES_FILE,
  GestureNode,
  gestureTrajectory,
  loadGestureProfile,
  SUPPORT_STRATEGIES,
} from '../src/index.js';

/** Every robot profile in the repository's robot-config/ folder. */
const ROBOT_CONFIG = join(DEFAULT_GESTURES_FILE, '..', '..');
const PROFILES = readdirSync(ROBOT_CONFIG, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('robot profiles in robot-config/', () => {
  it('has the generic humanoid and at least two real robot families', () => {
    expect(PROFILES).toEqual(expect.arrayContaining(['default', 'pepper', 'qtrobot']));
  });

  it.each(PROFILES)(
    '%s: its gestures load within their joint limits and every gesture gives a trajectory',
    async (name) => {
      const profile = await loadGestureProfile(join(ROBOT_CONFIG, name, 'gestures.yaml'));
      for (const strategy of SUPPORT_STRATEGIES)
        expect(profile.mapping.strategy.get(strategy)).toBeDefined();
      for (const state of ['listening', 'thinking', 'asleep'])
        expect(profile.mapping.state.get(state)?.length).toBeGreaterThan(0);
      for (const gesture of profile.gestures.keys()) {
        const trajectory = gestureTrajectory(profile, gesture);
        expect(trajectory.points.length > 0 || trajectory.animation !== '').toBe(true);
        for (const point of trajectory.points) {
          point.positions.forEach((position, i) => {
            const joint = profile.joints.get(trajectory.jointNames[i] ?? '');
            expect(position).toBeGreaterThanOrEqual((joint?.min ?? 0) - 1e-9);
            expect(position).toBeLessThanOrEqual((joint?.max ?? 0) + 1e-9);
          });
        }
      }
    },
  );

  it.each(PROFILES)(
    "%s: its params.yaml's gesture section is accepted by the gesture node",
    async (name) => {
      const paramsFile = join(ROBOT_CONFIG, name, 'params.yaml');
      expect(existsSync(paramsFile)).toBe(true);
      const params = loadParametersFile(paramsFile);
      const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
      try {
        const node = transport.createNode(NodeNames.gesture, {
          parameterOverrides: params.overridesFor(`/${NodeNames.gesture}`),
        });
        const profile = await loadGestureProfile(join(ROBOT_CONFIG, name, 'gestures.yaml'));
        const gesture = new GestureNode(node, profile);
        expect(gesture.currentMapping.default).toBe(profile.mapping.default);
        gesture.dispose();
      } finally {
        await transport.shutdown();
      }
    },
  );

  it.each(PROFILES.filter((name) => name !== 'default'))(
    "%s: its params.yaml lists every parameter the default robot's does (as its header says)",
    (name) => {
      const keys = (robot: string): string[] =>
        loadParametersFile(join(ROBOT_CONFIG, robot, 'params.yaml'))
          .entries.map((entry) => `${entry.nodeKey} ${entry.name}`)
          .sort();
      expect(keys('default').length).toBeGreaterThan(30);
      expect(keys(name)).toEqual(expect.arrayContaining(keys('default')));
    },
  );

  it('maps Pepper gestures to its own joints and named animations', async () => {
    const pepper = await loadGestureProfile(join(ROBOT_CONFIG, 'pepper', 'gestures.yaml'));
    expect([...pepper.joints.keys()]).toEqual(
      expect.arrayContaining(['HeadYaw', 'HeadPitch', 'LShoulderPitch', 'RElbowRoll', 'HipPitch']),
    );
    expect(pepper.gestures.get('wave')?.animation).toBe('animations/Stand/Gestures/Hey_1');
    expect(gestureTrajectory(pepper, 'nod').jointNames).toEqual(['HeadPitch']);
  });

  it('maps QTrobot gestures to its own joints', async () => {
    const qt = await loadGestureProfile(join(ROBOT_CONFIG, 'qtrobot', 'gestures.yaml'));
    expect([...qt.joints.keys()]).toEqual(
      expect.arrayContaining([
        'HeadYaw',
        'LeftShoulderPitch',
        'LeftElbowRoll',
        'RightShoulderRoll',
      ]),
    );
    expect(gestureTrajectory(qt, 'open_palms').jointNames).toHaveLength(6);
  });
});
