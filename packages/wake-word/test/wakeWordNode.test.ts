import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture, Qos, type GraphTransport } from '@hearth/graph';
import {
  DialogueStateType,
  Services,
  Topics,
  WakeService,
  WakeWordType,
  type WakeWord,
} from '@hearth/interfaces';
import { WakeWordNode } from '../src/index.js';
import { until } from '../../../tests/support/until.js';

describe('WakeWordNode with the console engine', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  function setUp(parameterOverrides: Record<string, string> = {}) {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const graphNode = transport.createNode('wake_word', { parameterOverrides });
    const node = new WakeWordNode(graphNode);
    const tester = transport.createNode('tester');
    const heard: WakeWord[] = [];
    tester.createSubscription(WakeWordType, Topics.wakeWord, (m) => heard.push(m), Qos.events);
    const client = tester.createClient(WakeService, Services.wake);
    const statePublisher = tester.createPublisher(
      DialogueStateType,
      Topics.dialogueState,
      Qos.state,
    );
    const wake = () => client.call(WakeService.request.create({ source: 'test' }), 5000);
    return { node, graphNode, heard, wake, statePublisher };
  }

  it('wakes on the service, publishing the configured phrase from the console engine', async () => {
    const { heard, wake, node } = setUp({ phrase: 'hello robot' });
    expect(await wake()).toEqual({ accepted: true, state: '' });
    await until('a wake word', () => heard.length === 1);
    expect(heard[0]).toMatchObject({
      phrase: 'hello robot',
      engine: 'console',
      score: 1,
      barge_in: false,
    });
    expect(node.engine.name).toBe('console');
  });

  it('marks a wake while the robot speaks as barge-in, and refuses one while paused', async () => {
    const { heard, wake, statePublisher } = setUp();
    statePublisher.publish(DialogueStateType.create({ state: 'speaking' }));
    // The state arrives asynchronously; each wake reports the state the node knew then.
    let response = await wake();
    while (response.state !== 'speaking') response = await wake();
    expect(response.accepted).toBe(true);
    await until('the barge-in wake', () => heard.some((w) => w.barge_in));

    statePublisher.publish(DialogueStateType.create({ state: 'paused' }));
    let paused = await wake();
    while (paused.state !== 'paused') paused = await wake();
    expect(paused).toEqual({ accepted: false, state: 'paused' });
    const published = heard.length;
    await wake();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard.length).toBe(published);
  });

  it('follows a phrase change at runtime', async () => {
    const { heard, wake, graphNode } = setUp();
    expect(graphNode.setParameters({ phrase: 'hi hearth' }).every((r) => r.successful)).toBe(true);
    await wake();
    await until('a wake word', () => heard.length === 1);
    expect(heard[0]?.phrase).toBe('hi hearth');
  });

  it('refuses an engine it does not know, naming the choices', () => {
    const graph = (transport = createInProcessTransport({
      logger: { level: 'warn', capture: new LogCapture() },
    }));
    expect(
      () =>
        new WakeWordNode(
          graph.createNode('wake_word', { parameterOverrides: { engine: 'nonsense' } }),
        ),
    ).toThrow(/engine.*console/s);
  });
});
