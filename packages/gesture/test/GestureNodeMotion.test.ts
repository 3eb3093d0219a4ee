import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Qos, type ParameterValue, type Publisher } from '@hearth/graph';
import {
  DialogueStateType,
  GestureCommandType,
  GestureReason,
  MicGateType,
  SpeechEventType,
  Topics,
  TranscriptType,
  type GestureCommand,
  type JointTrajectory,
  type MicGate,
} from '@hearth/interfaces';
import {
  DEFAULT_GESTURES_FILE,
  PREVIEW_REQUEST_TOPIC,
  gestureTrajectory,
  loadGestureProfile,
  type GestureProfile,
} from '../src/index.js';
import { FakeController } from './support/FakeController.js';
import { useGestureRigs, type GestureRig } from './support/gestureRig.js';

const ROBOT_CONFIG = join(DEFAULT_GESTURES_FILE, '..', '..');

interface Rig extends GestureRig {
  /** Plays every published trajectory as a robot's controller would, noting its faults. */
  readonly controller: FakeController;
  readonly commands: GestureCommand[];
  readonly gates: MicGate[];
  /** Another node's preview requests (the console's). */
  readonly requests: Publisher<GestureCommand>;
  say(text: string, strategy?: string): void;
}

const rigs = useGestureRigs();

async function makeRig(
  profile: GestureProfile,
  overrides: Record<string, ParameterValue> = {},
): Promise<Rig> {
  const controller = new FakeController(profile);
  const base = rigs.start({
    profile,
    parameterOverrides: { align_to_words: false, ...overrides },
    onTrajectory: (trajectory, atMs) => controller.receive(trajectory, atMs),
  });
  const { other, speech } = base;
  const commands: GestureCommand[] = [];
  const gates: MicGate[] = [];
  other.createSubscription(MicGateType, Topics.micGate, (g) => gates.push(g), Qos.state);
  other.createSubscription(
    GestureCommandType,
    Topics.gestureCommand,
    (c) => commands.push(c),
    Qos.events,
  );
  return {
    ...base,
    controller,
    commands,
    gates,
    requests: other.createPublisher(GestureCommandType, PREVIEW_REQUEST_TOPIC, Qos.events),
    say: (text, strategy = '') =>
      speech.publish(SpeechEventType.create({ kind: 'start', text, strategy, utterance_id: text })),
  };
}

/** Seconds of a message's first point. */
function firstTime(trajectory: JointTrajectory): number {
  const first = trajectory.points[0]?.time_from_start;
  return (first?.sec ?? 0) + (first?.nanosec ?? 0) / 1e9;
}

describe('GestureNode: motion planned from the current pose', () => {
  it.each(['default', 'qtrobot'])(
    '%s: a nod after the held thinking pose is retimed to stay within the velocity limits',
    async (robot) => {
      const profile = await loadGestureProfile(join(ROBOT_CONFIG, robot, 'gestures.yaml'));
      const r = await makeRig(profile);
      r.state.publish(DialogueStateType.create({ state: 'thinking' }));
      await r.after(2000); // the thinking pose is reached and held
      r.say('Here is what I found.', 'Information'); // nod, over the held head pitch
      await r.after(0);
      expect(r.commands.map((c) => c.name)).toEqual(['thinking_pose', 'nod']);
      const nod = r.trajectories.at(-1)!.trajectory;
      const authored = gestureTrajectory(profile, 'nod');
      // From the thinking pose's raised head (-0.15 rad), 0.25 rad/s of authored time would
      // need 1.6 rad/s: the approach is stretched, the rest of the nod keeps its rhythm.
      expect(firstTime(nod)).toBeGreaterThan(authored.points[0]!.timeFromStartS);
      expect(nod.points.map((p) => p.positions)).toEqual(authored.points.map((p) => p.positions));
      expect(r.controller.faults).toEqual([]);
    },
  );

  it('plans a gesture from where an interrupted one left the joints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-gesture-motion-'));
    try {
      const file = join(dir, 'gestures.yaml');
      await writeFile(
        file,
        [
          'version: 1',
          'robot: test_head',
          'joints:',
          '  pitch: { min: -0.5, max: 0.5, max_velocity: 1.0, neutral: 0.0 }',
          'gestures:',
          '  look_down:',
          '    priority: 2',
          '    keyframes:',
          '      - { time: 0.5, joints: { pitch: 0.45 } }',
          '      - { time: 1.0, joints: { pitch: 0.0 } }',
          '  look_up:',
          '    priority: 2',
          '    keyframes:',
          '      - { time: 0.5, joints: { pitch: -0.45 } }',
          '      - { time: 1.0, joints: { pitch: 0.0 } }',
          'mapping:',
          '  sentence_cues:',
          '    - { words: [up], gesture: look_up }',
          '  default: look_down',
          '',
        ].join('\n'),
      );
      const r = await makeRig(await loadGestureProfile(file));
      r.say('Down we go.');
      await r.after(400); // look_down is cut at 0.36 rad on its way down
      r.say('Now look up.');
      await r.after(0);
      expect(r.commands.map((c) => c.name)).toEqual(['look_down', 'look_up']);
      const up = r.trajectories[1]!.trajectory;
      // 0.81 rad to go at 1 rad/s: the first point comes at 0.81 s, not the authored 0.5 s.
      expect(firstTime(up)).toBeCloseTo(0.81, 3);
      expect(r.controller.faults).toEqual([]);
      await r.after(2000);
      expect(r.controller.positionAt('pitch', r.timers.nowMs())).toBeCloseTo(0, 9);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns the joints a left state held to rest, below any new gesture', async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const r = await makeRig(profile);
    const at = (joint: string): number => r.controller.positionAt(joint, r.timers.nowMs());
    r.state.publish(DialogueStateType.create({ state: 'listening' }));
    await r.after(2000);
    expect(at('torso_pitch')).toBeCloseTo(0.15, 9); // lean_in, held while listening
    // Thinking takes the head; the torso, which nothing holds now, goes back to rest.
    r.state.publish(DialogueStateType.create({ state: 'thinking' }));
    await r.after(3000);
    expect(at('torso_pitch')).toBeCloseTo(0, 9);
    expect(at('head_pitch')).toBeCloseTo(-0.15, 9); // the thinking pose holds
    // Speaking maps no posture: the thinking pose returns to rest, and a nod at once takes
    // the head over from wherever the return has brought it.
    r.state.publish(DialogueStateType.create({ state: 'speaking' }));
    await r.after(300);
    r.say('Here is what I found.', 'Information');
    await r.after(5000);
    expect(r.commands.map((c) => c.name)).toEqual(['lean_in', 'thinking_pose', 'nod']);
    for (const joint of profile.joints.values())
      expect(at(joint.name)).toBeCloseTo(joint.neutral, 9);
    expect(r.controller.faults).toEqual([]);
    // Nothing more moves once at rest.
    const sent = r.trajectories.length;
    await r.after(10000);
    expect(r.trajectories).toHaveLength(sent);
  });

  it('announces nothing of a gesture the limits refuse, and logs why', async () => {
    const loaded = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const pitch = loaded.joints.get('head_pitch')!;
    // A joint range narrowed behind the node's back: the nod (0.25 rad) no longer fits.
    const profile: GestureProfile = {
      ...loaded,
      joints: new Map([...loaded.joints, ['head_pitch', { ...pitch, max: 0.2 }]]),
    };
    const r = await makeRig(profile);
    r.say('I see.');
    await r.after(2000);
    expect(r.commands).toEqual([]);
    expect(r.trajectories).toEqual([]);
    expect(r.faces).toEqual([]);
    const errors = r.logs.linesOf('gesture', 'error');
    expect(errors.map((line) => line.msg)).toEqual(['gesture refused']);
    expect(JSON.stringify(errors[0])).toMatch(/nod.*head_pitch.*position limit/);
  });
  it('ends a gesture whose approach was stretched with its motion, and opens the mic then', async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const r = await makeRig(profile, { mic_gate_enabled: true, mic_gate_tail_ms: 100 });
    r.state.publish(DialogueStateType.create({ state: 'thinking' }));
    await r.after(2000);
    r.say('Here is what I found.', 'Information');
    await r.after(0);
    const nod = r.trajectories.at(-1)!.trajectory;
    const lastS = nod.points.at(-1)!.time_from_start;
    const motionMs = lastS.sec * 1000 + lastS.nanosec / 1e6;
    const authoredMs = gestureTrajectory(profile, 'nod').durationS * 1000;
    expect(motionMs).toBeGreaterThan(authoredMs + 10);
    expect(r.gates.at(-1)?.open).toBe(false);
    await r.after(motionMs - 5); // past the authored length, just before the motion's end
    expect(r.gesture.playing).toContain('nod');
    await r.after(10);
    expect(r.gesture.playing).not.toContain('nod');
    await r.after(90); // the tail counts from the motion's end, not the authored one
    expect(r.gates.at(-1)?.open).toBe(false);
    await r.after(10);
    expect(r.gates.at(-1)?.open).toBe(true);
  });

  it('after a listening nod over the held lean_in, returns the head to the posture, not neutral', async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const r = await makeRig(profile);
    const at = (joint: string): number => r.controller.positionAt(joint, r.timers.nowMs());
    const heard = r.transport.createNode('stt');
    const transcripts = heard.createPublisher(TranscriptType, Topics.transcript, Qos.events);
    r.state.publish(DialogueStateType.create({ state: 'listening' }));
    await r.after(2000);
    expect(at('head_pitch')).toBeCloseTo(0.08, 9);
    transcripts.publish(TranscriptType.create({ text: 'I had a', is_final: false }));
    await r.after(800); // a pause: the listening nod
    expect(r.commands.map((c) => c.name)).toEqual(['lean_in', 'small_nod']);
    // (Messages arrive once each step is over: step past the nod's end, then the return.)
    await r.after(500);
    await r.after(3000);
    expect(at('head_pitch')).toBeCloseTo(0.08, 9);
    expect(at('torso_pitch')).toBeCloseTo(0.15, 9);
    expect(r.controller.faults).toEqual([]);
  });

  it("performs another node's preview once, planned from the held pose", async () => {
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const r = await makeRig(profile);
    r.state.publish(DialogueStateType.create({ state: 'thinking' }));
    await r.after(2000);
    const sent = r.trajectories.length;
    r.requests.publish(
      GestureCommandType.create({ name: 'nod', reason: GestureReason.preview, intensity: 1 }),
    );
    await r.after(0);
    const nods = r.trajectories.slice(sent);
    expect(nods).toHaveLength(1);
    expect(nods[0]!.trajectory.joint_names).toEqual(['head_pitch']);
    expect(firstTime(nods[0]!.trajectory)).toBeGreaterThan(
      gestureTrajectory(profile, 'nod').points[0]!.timeFromStartS,
    );
    // The node announces the preview once, on the shared command topic, as it starts.
    expect(r.commands.filter((c) => c.reason === GestureReason.preview)).toEqual([
      expect.objectContaining({ name: 'nod', reason: GestureReason.preview }),
    ]);
    expect(r.gesture.playing).toContain('nod');
    await r.after(1500);
    await r.after(3000);
    expect(r.controller.faults).toEqual([]);
    expect(r.controller.positionAt('head_pitch', r.timers.nowMs())).toBeCloseTo(-0.15, 9);
  });

  it('performs no preview while gestures are disabled', async () => {
    const r = await makeRig(await loadGestureProfile(DEFAULT_GESTURES_FILE), { enabled: false });
    r.requests.publish(GestureCommandType.create({ name: 'nod', intensity: 1 }));
    await r.after(0);
    await r.after(1500);
    expect(r.commands).toEqual([]);
    expect(r.trajectories).toEqual([]);
  });
});
