/** The console's body channel on the in-process graph, with the real gesture node. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { createInProcessTransport, Qos, type GraphNode, type GraphTransport } from '@hearth/graph';
import { DEFAULT_GESTURES_FILE, GestureNode, loadGestureProfile } from '@hearth/gesture';
import { GestureCommandType, NodeNames, Topics } from '@hearth/interfaces';
import { BodyChannel } from '../src/body/BodyChannel.js';
import { ParameterMirror } from '../src/tuning/ParameterMirror.js';
import type { ServerMessage } from '../src/protocol.js';
import { waitUntil } from './support/RobotDouble.js';

const PEPPER = fileURLToPath(
  new URL('../../../robot-config/pepper/gestures.yaml', import.meta.url),
);

describe('BodyChannel', () => {
  let transport: GraphTransport;
  let gestureGraphNode: GraphNode;
  let gestureNode: GestureNode;
  let channel: BodyChannel;
  let mirror: ParameterMirror;
  const messages: ServerMessage[] = [];

  beforeAll(async () => {
    transport = createInProcessTransport();
    gestureGraphNode = transport.createNode(NodeNames.gesture);
    gestureNode = new GestureNode(
      gestureGraphNode,
      await loadGestureProfile(DEFAULT_GESTURES_FILE),
    );
    const consoleNode = transport.createNode(NodeNames.console);
    mirror = new ParameterMirror(
      consoleNode.createParameterClient(NodeNames.gesture),
      consoleNode.logger,
    );
    channel = new BodyChannel(consoleNode, {
      gestures: mirror,
      gesturesFile: DEFAULT_GESTURES_FILE,
      emit: (message) => messages.push(message),
    });
    await channel.ready;
  });

  afterAll(async () => {
    channel?.dispose();
    mirror?.dispose();
    gestureNode?.dispose();
    await transport?.shutdown();
  });

  it('keeps looping gestures for pages opened later, until stopped or taken over', async () => {
    const driver = transport.createNode('driver');
    const commands = driver.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    const command = (name: string, reason = 'state') =>
      commands.publish(
        GestureCommandType.create({ stamp: driver.clock.now(), name, reason, intensity: 1 }),
      );
    command('idle_breathing');
    command('idle_gaze');
    await waitUntil(() => channel.motions.length === 2);
    expect(channel.motions.every((motion) => motion.loop && motion.delayMs === 0)).toBe(true);
    command('idle_gaze', 'stop');
    await waitUntil(() => channel.motions.length === 1);
    // lean_in moves torso_pitch and head_pitch: idle breathing's joints.
    command('lean_in');
    await waitUntil(() => channel.motions.length === 0);
    expect(messages.filter((m) => m.type === 'motionStop')).toHaveLength(1);
  });

  it('shows the profile the gesture node switches to', async () => {
    expect(channel.body?.robot).toBe('generic_humanoid');
    const [result] = gestureGraphNode.setParameters({ gestures_file: PEPPER });
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
});
