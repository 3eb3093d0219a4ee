import { describe, expect, it } from '@jest/globals';
import { dialogueMachine } from '@hearth/dialogue';
import { DEFAULT_GESTURES_FILE, loadGestureProfile, loadGestureProfileSync } from '@hearth/gesture';
import { DIALOGUE_STATES, GestureCommandType } from '@hearth/interfaces';
import { fileURLToPath } from 'node:url';
import { bodyView, motionView } from '../src/body/bodyViews.js';
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

describe('motionView', () => {
  it("is the profile's trajectory at the command's intensity, starting after its offset", async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const command = GestureCommandType.create({
      stamp: { sec: 100, nanosec: 0 },
      name: 'slow_nod',
      reason: 'strategy',
      priority: 2,
      intensity: 0.5,
      start_offset_ms: 300,
    });
    const motion = motionView(profile, command, 100_100);
    expect(motion).toMatchObject({
      gesture: 'slow_nod',
      delayMs: 200,
      jointNames: ['head_pitch'],
      known: true,
      loop: false,
    });
    expect(motion.points.map((p) => p.timeS)).toEqual([0.8, 1.6]);
    expect(motion.points[0]?.positions[0]).toBeCloseTo(0.15);
    expect(motionView(profile, { ...command, name: 'flap' }, 0)).toMatchObject({
      known: false,
      points: [],
    });
  });

  it("lists the profile's gestures, with Pepper's own animations", () => {
    const body = bodyView(loadGestureProfileSync(robotConfig('pepper')));
    expect(body.robot).toBe('pepper');
    expect(body.gestures.find((g) => g.name === 'wave')?.animation).toContain('Hey_1');
  });
});
