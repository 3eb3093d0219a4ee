/** The console's body channel on the in-process graph, with the real gesture node. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Qos, type GraphNode, type GraphTransport } from '@hearth/graph';
import {
  DEFAULT_GESTURES_FILE,
  DEFAULT_TRAJECTORY_TOPIC,
  GestureNode,
  gestureTrajectory,
  loadGestureProfile,
  rosJointTrajectory,
} from '@hearth/gesture';
import {
  DialogueStateType,
  GestureCommandType,
  GestureReason,
  JointTrajectoryPointType,
  JointTrajectoryType,
  Topics,
  type GestureCommand,
  type JointTrajectory,
} from '@hearth/interfaces';
import { BodyChannel } from '../src/body/BodyChannel.js';
import { ParameterMirror } from '../src/tuning/ParameterMirror.js';
import type { MotionView, ServerMessage } from '../src/protocol.js';
import { startBodyRig, PEPPER_GESTURES, type BodyRig } from './support/bodyRig.js';
import { waitUntil } from './support/RobotDouble.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

describe('BodyChannel', () => {
  let rig: BodyRig | undefined;
  let transport: GraphTransport;
  let gestureGraphNode: GraphNode;
  let gestureNode: GestureNode;
  let channel: BodyChannel;
  let mirror: ParameterMirror;
  let messages: ServerMessage[];

  beforeAll(async () => {
    rig = await startBodyRig();
    ({ transport, gestureGraphNode, gestureNode, channel, mirror, messages } = rig);
    await channel.ready;
  });

  afterAll(async () => {
    await rig?.dispose();
  });

  /** A driver that performs gestures as the gesture node does: the command, then its trajectory. */
  const driver = (topic: string) => {
    const node = transport.createNode(`driver_${messages.length}`);
    const commands = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    const trajectories = node.createPublisher(JointTrajectoryType, topic, Qos.events);
    return (name: string, reason = 'state'): void => {
      commands.publish(
        GestureCommandType.create({ stamp: node.clock.now(), name, reason, intensity: 1 }),
      );
      if (reason === 'stop') return;
      const profile = gestureNode.currentProfile;
      trajectories.publish(rosJointTrajectory(gestureTrajectory(profile, name, 1)));
    };
  };

  it('plays the JointTrajectory messages on the gesture node topic, named by their command', async () => {
    const perform = driver(DEFAULT_TRAJECTORY_TOPIC);
    const before = messages.length;
    perform('slow_nod', 'strategy');
    await waitUntil(() => messages.slice(before).some((m) => m.type === 'motion'));
    const motion = messages.slice(before).find((m) => m.type === 'motion');
    expect(motion).toMatchObject({
      type: 'motion',
      motion: { source: 'trajectory', gesture: 'slow_nod', reason: 'strategy' },
    });
    // A keyframed gesture's command alone moves nothing: only joint commands do.
    expect(messages.slice(before).filter((m) => m.type === 'motion')).toHaveLength(1);
  });

  it('keeps looping gestures for pages opened later, until stopped or taken over', async () => {
    const perform = driver(DEFAULT_TRAJECTORY_TOPIC);
    perform('idle_breathing');
    perform('idle_gaze');
    await waitUntil(() => channel.motions.length === 2);
    expect(channel.motions.map((m) => m.gesture).sort()).toEqual(['idle_breathing', 'idle_gaze']);
    expect(channel.motions.every((m) => m.source === 'trajectory' && m.delayMs === 0)).toBe(true);
    perform('idle_gaze', 'stop');
    await waitUntil(() => channel.motions.length === 1);
    // lean_in moves torso_pitch and head_pitch: idle breathing's joints.
    perform('lean_in');
    await waitUntil(() => channel.motions.length === 0);
    expect(messages.filter((m) => m.type === 'motionStop')).toHaveLength(1);
  });

  it('names each loop cycle after its loop, and no unnamed motion as one', async () => {
    const perform = driver(DEFAULT_TRAJECTORY_TOPIC);
    const node = transport.createNode('cycles');
    const trajectories = node.createPublisher(JointTrajectoryType, DEFAULT_TRAJECTORY_TOPIC);
    const cycle = rosJointTrajectory(
      gestureTrajectory(gestureNode.currentProfile, 'idle_breathing', 1),
    );
    const before = messages.length;
    perform('idle_breathing');
    // The next cycle: the same trajectory, with no command of its own.
    trajectories.publish(cycle);
    await waitUntil(() => messages.slice(before).filter((m) => m.type === 'motion').length === 2);
    expect(channel.motions.map((m) => m.gesture)).toEqual(['idle_breathing']);
    // A loop cut without a stop, then a return to rest on its joints: not the loop.
    const rest = JointTrajectoryType.create({
      joint_names: cycle.joint_names,
      points: [
        JointTrajectoryPointType.create({
          positions: cycle.joint_names.map(() => 0),
          time_from_start: { sec: 0, nanosec: 300_000_000 },
        }),
      ],
    });
    trajectories.publish(rest);
    await waitUntil(() => messages.slice(before).filter((m) => m.type === 'motion').length === 3);
    const motions = messages.slice(before).flatMap((m) => (m.type === 'motion' ? [m.motion] : []));
    expect(motions.map((m) => m.gesture)).toEqual(['idle_breathing', 'idle_breathing', '']);
    expect(channel.motions).toEqual([]);
  });

  it('shows the profile the gesture node switches to', async () => {
    expect(channel.body?.robot).toBe('generic_humanoid');
    const [result] = gestureGraphNode.setParameters({ gestures_file: PEPPER_GESTURES });
    expect(result?.successful).toBe(true);
    await waitUntil(() => channel.body?.robot === 'pepper');
    expect(messages.at(-1)).toMatchObject({ type: 'body', body: { robot: 'pepper' } });
  });

  it('refuses to preview a gesture the profile lacks, naming the ones it has', () => {
    expect(channel.play('flap_wings')).toMatchObject({
      type: 'error',
      code: 'unknown_gesture',
      message: expect.stringContaining('slow_nod'),
    });
  });

  it('asks the gesture node for a preview, which sends its trajectory once', async () => {
    const node = transport.createNode('preview_listener');
    const sent: JointTrajectory[] = [];
    node.createSubscription(JointTrajectoryType, DEFAULT_TRAJECTORY_TOPIC, (t) => sent.push(t));
    // The profile is Pepper's now: slow_nod moves HeadPitch from its neutral -0.2.
    expect(channel.play('slow_nod')).toBeNull();
    await waitUntil(() => sent.length === 1);
    expect(sent[0]?.joint_names).toEqual(['HeadPitch']);
    const commands: GestureCommand[] = [];
    node.createSubscription(GestureCommandType, Topics.gestureCommand, (c) => commands.push(c));
    // Pepper's wave is its own animation: a command, no trajectory.
    expect(channel.play('wave')).toBeNull();
    await waitUntil(() =>
      messages.some((m) => m.type === 'motion' && m.motion.source === 'command'),
    );
    // A driver hears of the preview once, from the gesture node as it starts it.
    expect(commands.map((c) => [c.name, c.reason])).toEqual([['wave', GestureReason.preview]]);
    expect(sent).toHaveLength(1);
  });

  it('tells the page a preview is refused while the gesture node is disabled', async () => {
    const [result] = gestureGraphNode.setParameters({ enabled: false });
    expect(result?.successful).toBe(true);
    try {
      await waitUntil(() => mirror.values['enabled'] === false);
      expect(channel.play('slow_nod')).toMatchObject({
        type: 'error',
        code: 'gesture_refused',
        message: expect.stringContaining('"enabled"'),
      });
    } finally {
      gestureGraphNode.setParameters({ enabled: true });
      await waitUntil(() => mirror.values['enabled'] === true);
    }
    expect(channel.play('slow_nod')).toBeNull();
  });
});

describe('BodyChannel on a robot whose controller listens elsewhere', () => {
  it("follows the gesture node's trajectory_topic", async () => {
    const topic = '/head_controller/joint_trajectory';
    const rig = await startBodyRig({ gestureParameters: { trajectory_topic: topic } });
    const { transport, channel, messages } = rig;
    try {
      await channel.ready;
      expect(channel.trajectoryTopicName).toBe(topic);
      const driver = transport.createNode('driver');
      const point = JointTrajectoryPointType.create({
        positions: [0.4321],
        time_from_start: { sec: 1, nanosec: 0 },
      });
      const message = JointTrajectoryType.create({ joint_names: ['head_pan'], points: [point] });
      // The default topic is not the robot's: ignored.
      driver.createPublisher(JointTrajectoryType, DEFAULT_TRAJECTORY_TOPIC).publish(message);
      driver.createPublisher(JointTrajectoryType, topic).publish(message);
      await waitUntil(() => messages.some((m) => m.type === 'motion'));
      const motions = messages.filter((m) => m.type === 'motion');
      expect(motions).toHaveLength(1);
      expect(motions[0]).toMatchObject({
        motion: { source: 'trajectory', gesture: '', jointNames: ['head_pan'] },
      });
    } finally {
      await rig.dispose();
    }
  });
});

describe('BodyChannel previews through the gesture node', () => {
  it('yields exactly one JointTrajectory, planned from the held pose', async () => {
    const timers = new ManualTimers();
    const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
    const rig = await startBodyRig({ timers });
    const { transport, channel, messages } = rig;
    try {
      await channel.ready;
      const robot = transport.createNode('robot');
      const sent: JointTrajectory[] = [];
      robot.createSubscription(JointTrajectoryType, DEFAULT_TRAJECTORY_TOPIC, (t) => sent.push(t));
      robot
        .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
        .publish(DialogueStateType.create({ state: 'thinking' }));
      await waitUntil(() => sent.length === 1);
      timers.advance(2000); // the thinking pose (head_pitch -0.15) is reached and held
      expect(channel.play('nod')).toBeNull();
      await waitUntil(() => sent.length === 2);
      await waitUntil(() =>
        messages.some((m) => m.type === 'motion' && m.motion.gesture === 'nod'),
      );
      const nod = sent[1]!;
      expect(nod.joint_names).toEqual(['head_pitch']);
      // From -0.15 rad the authored 0.25 s to the first point is too fast: the approach is longer.
      const first = nod.points[0]!.time_from_start;
      expect(first.sec + first.nanosec / 1e9).toBeGreaterThan(
        gestureTrajectory(profile, 'nod').points[0]!.timeFromStartS,
      );
      const motion = messages.find((m) => m.type === 'motion' && m.motion.gesture === 'nod');
      expect(motion).toMatchObject({
        motion: { source: 'trajectory', reason: GestureReason.preview },
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sent).toHaveLength(2);
    } finally {
      await rig.dispose();
    }
  });
});

describe('BodyChannel labels with the real gesture node', () => {
  it('shows the return to rest after lean_in as rest, not lean_in, and names loop cycles by their loop', async () => {
    const timers = new ManualTimers();
    const rig = await startBodyRig({ timers });
    const { transport, channel, messages } = rig;
    const motions = (): MotionView[] =>
      messages.flatMap((m) => (m.type === 'motion' ? [m.motion] : []));
    try {
      await channel.ready;
      const state = transport
        .createNode('dialogue')
        .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
      state.publish(DialogueStateType.create({ state: 'listening' }));
      await waitUntil(() => motions().length === 1);
      timers.advance(2000); // lean_in is reached and held
      state.publish(DialogueStateType.create({ state: 'speaking' }));
      await waitUntil(() => motions().length === 2);
      const [leanIn, rest] = motions();
      expect(leanIn).toMatchObject({ gesture: 'lean_in', reason: 'state' });
      // The same joints as lean_in, but no command names it: the node's return to rest.
      expect([...rest!.jointNames].sort()).toEqual([...leanIn!.jointNames].sort());
      expect(rest!.gesture).toBe('');
      expect(rest!.points.at(-1)?.positions).toEqual([0, 0]);
      // A page opened now starts no motion from the past.
      expect(channel.motions).toEqual([]);
      timers.advance(2000);
      // Asleep: two idle loops, each cycle its own trajectory with no command of its own.
      state.publish(DialogueStateType.create({ state: 'asleep' }));
      await waitUntil(() => motions().length === 4);
      timers.advance(4000);
      await waitUntil(() => motions().length === 5);
      expect(motions().map((m) => m.gesture)).toEqual([
        'lean_in',
        '',
        'idle_breathing',
        'idle_gaze',
        'idle_breathing',
      ]);
      expect(channel.motions.map((m) => m.gesture).sort()).toEqual(['idle_breathing', 'idle_gaze']);
    } finally {
      await rig.dispose();
    }
  });
});
