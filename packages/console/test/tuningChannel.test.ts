/** The console's tuning through a parameter client: a node in reach, and one that is not. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { createInProcessTransport, LogCapture, type GraphTransport } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { ConsoleBridge } from '../src/ConsoleBridge.js';
import type { ServerMessage } from '../src/protocol.js';
import { waitUntil } from './support/RobotDouble.js';

describe('console tuning through a parameter client', () => {
  let transport: GraphTransport | undefined;
  let bridge: ConsoleBridge | undefined;
  afterEach(async () => {
    bridge?.dispose();
    await transport?.shutdown();
  });

  function open(gestureNodeName: string): { messages: ServerMessage[] } {
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const consoleNode = transport.createNode(NodeNames.console);
    bridge = new ConsoleBridge(consoleNode, {
      audioDir: tmpdir(),
      gestures: consoleNode.createParameterClient(gestureNodeName, { timeoutMs: 100 }),
    });
    const messages: ServerMessage[] = [];
    bridge.onMessage((message) => messages.push(message));
    return { messages };
  }

  it("lists the node's parameters as it describes them and sets them on it", async () => {
    const { messages } = open('fake_gesture');
    const gesture = transport!.createNode('fake_gesture');
    gesture.declareParameter('intensity', 1.0, {
      description: 'Scales every gesture.',
      kind: 'double',
      range: { min: 0, max: 1 },
    });
    gesture.declareParameter('enabled', true);
    await bridge!.ready;
    expect(bridge!.snapshot().tuning).toEqual({
      node: 'fake_gesture',
      parameters: [
        {
          name: 'intensity',
          kind: 'double',
          value: 1,
          description: 'Scales every gesture.',
          range: { min: 0, max: 1 },
        },
        { name: 'enabled', kind: 'bool', value: true, description: '', range: null },
      ],
    });

    expect(await bridge!.handle({ type: 'setParameter', name: 'intensity', value: 0.3 })).toEqual({
      type: 'parameterResult',
      node: 'fake_gesture',
      name: 'intensity',
      successful: true,
      reason: '',
    });
    expect(gesture.getParameter('intensity')).toBe(0.3);
    const refused = await bridge!.handle({ type: 'setParameter', name: 'intensity', value: 2 });
    expect(refused).toMatchObject({
      successful: false,
      reason: expect.stringContaining('0 and 1'),
    });

    // A change made on the node itself reaches every page.
    gesture.setParameters({ enabled: false });
    await waitUntil(() =>
      messages.some(
        (m) =>
          m.type === 'tuning' &&
          m.tuning.parameters.some((p) => p.name === 'enabled' && p.value === false),
      ),
    );
  });

  it('says it cannot reach a node that is not running, naming it', async () => {
    open('nobody');
    await bridge!.ready;
    expect(bridge!.snapshot().tuning).toBeNull();
    const answer = await bridge!.handle({ type: 'setParameter', name: 'intensity', value: 0.3 });
    expect(answer).toMatchObject({
      type: 'parameterResult',
      node: 'nobody',
      successful: false,
      reason: expect.stringContaining('Node /nobody is not running'),
    });
  });
});
