import { describe, expect, it } from '@jest/globals';
import { dialogueMachine } from '@hearth/dialogue';
import { DEFAULT_GESTURES_FILE, loadGestureProfile, loadGestureProfileSync } from '@hearth/gesture';
import {
  DIALOGUE_STATES,
  GestureCommandType,
  JointTrajectoryPointType,
  JointTrajectoryType,
} from '@hearth/interfaces';
import { fileURLToPath } from 'node:url';
import { bodyView, commandMotion, trajectoryMotion } from '../src/body/bodyViews.js';
import { figureMapping } from '../src/body/figureMapping.js';
import { machineGraph } from '../src/machine/machineGraph.js';

const robotConfig = (robot: string): string =>
  fileURLToPath(new URL(`../../../robot-config/${robot}/gestures.yaml`, import.meta.url));

describe('machineGraph (the real dialogue machine)', () => {
  const graph = machineGraph(dialogueMachine.root);

  it('has a state publishing each public dialogue state', () => {
    const published = new Set(graph.states.map((state) => state.publishes));
    for (const state of DIALOGUE_STATES) expect(published).toContain(state);
    expect(graph.states[0]).toMatchObject({ id: '', parent: null });
    expect(graph.states.find((s) => s.id === 'asleep')).toMatchObject({ initial: true });
    // Children inherit the public state of the nearest ancestor that publishes one.
    expect(graph.states.find((s) => s.id === 'listening.hearing')?.publicState).toBe('listening');
  });

  it('names transitions the way DialogueState.event does, with their trigger and guard', () => {
    expect(graph.transitions).toContainEqual({
      from: 'followUp',
      to: ['asleep'],
      event: 'timeout.followUpWindow',
      trigger: 'after',
      guard: '',
    });
    expect(graph.transitions).toContainEqual(
      expect.objectContaining({ from: 'listening', to: ['responding'], event: 'speech.final' }),
    );
    // Root transitions apply from any state.
    expect(graph.transitions).toContainEqual(
      expect.objectContaining({ from: '', to: ['crisis'], event: 'safety.crisis' }),
    );
    expect(graph.transitions.some((t) => t.trigger === 'always' && t.event === 'always')).toBe(
      true,
    );
    // Every target is a state of the graph; targetless transitions are left out.
    const ids = new Set(graph.states.map((state) => state.id));
    for (const transition of graph.transitions) {
      expect(transition.to.length).toBeGreaterThan(0);
      for (const target of transition.to) expect(ids).toContain(target);
    }
  });
});

describe('figureMapping', () => {
  it('maps the generic humanoid one to one, and Pepper and QTrobot with their signs', () => {
    const generic = figureMapping(loadGestureProfileSync(DEFAULT_GESTURES_FILE));
    expect(generic.unmapped).toEqual([]);
    expect(generic.mapped).toHaveLength(10);

    const pepper = figureMapping(loadGestureProfileSync(robotConfig('pepper')));
    expect(pepper.mapped).toContainEqual({
      robotJoint: 'RShoulderPitch',
      figureJoint: 'right_shoulder_pitch',
      sign: -1,
      robotNeutral: 1.55,
    });
    expect(pepper.unmapped).toEqual(expect.arrayContaining(['LWristYaw', 'KneePitch']));

    const qt = figureMapping(loadGestureProfileSync(robotConfig('qtrobot')));
    expect(qt.unmapped).toEqual([]);
    expect(new Set(qt.mapped.map((m) => m.figureJoint)).size).toBe(qt.mapped.length);
  });
});

describe('motion views', () => {
  it("plays a JointTrajectory's own joints, positions and times, starting on receipt", () => {
    const trajectory = JointTrajectoryType.create({
      joint_names: ['head_pan', 'head_pitch'],
      points: [
        JointTrajectoryPointType.create({
          positions: [0.1234, -0.05],
          time_from_start: { sec: 0, nanosec: 400_000_000 },
        }),
        JointTrajectoryPointType.create({
          positions: [0.4321, 0.02],
          time_from_start: { sec: 1, nanosec: 250_000_000 },
        }),
      ],
    });
    const label = { gesture: 'look', reason: 'state', priority: 1, intensity: 0.5, loop: true };
    expect(trajectoryMotion(trajectory, label, 5_000)).toEqual({
      source: 'trajectory',
      gesture: 'look',
      reason: 'state',
      priority: 1,
      intensity: 0.5,
      delayMs: 0,
      jointNames: ['head_pan', 'head_pitch'],
      points: [
        { timeS: 0.4, positions: [0.1234, -0.05] },
        { timeS: 1.25, positions: [0.4321, 0.02] },
      ],
      // Each cycle of a loop is its own trajectory.
      loop: false,
      durationS: 1.25,
      animation: '',
      face: '',
      known: true,
    });
    // A stamp in the future delays it; an unnamed one is still played.
    const later = { ...trajectory, header: { stamp: { sec: 6, nanosec: 0 }, frame_id: '' } };
    expect(trajectoryMotion(later, null, 5_000)).toMatchObject({ delayMs: 1000, gesture: '' });
  });

  it("names a robot's own animation from its command, and leaves keyframed ones to trajectories", async () => {
    const pepper = await loadGestureProfile(robotConfig('pepper'));
    const command = GestureCommandType.create({
      stamp: { sec: 100, nanosec: 0 },
      name: 'wave',
      reason: 'preview',
      priority: 3,
      intensity: 1,
      start_offset_ms: 300,
    });
    expect(commandMotion(pepper, command, 100_100)).toMatchObject({
      source: 'command',
      gesture: 'wave',
      delayMs: 200,
      points: [],
      animation: expect.stringContaining('Hey_1'),
      known: true,
    });
    expect(commandMotion(pepper, { ...command, name: 'flap' }, 0)).toMatchObject({
      known: false,
    });
    const generic = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    expect(commandMotion(generic, { ...command, name: 'slow_nod' }, 0)).toBeNull();
  });

  it("lists the profile's gestures, with Pepper's own animations", () => {
    const body = bodyView(loadGestureProfileSync(robotConfig('pepper')));
    expect(body.robot).toBe('pepper');
    expect(body.gestures.find((g) => g.name === 'wave')?.animation).toContain('Hey_1');
  });
});
