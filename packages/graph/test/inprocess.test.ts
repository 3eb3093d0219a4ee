import { describe, expect, it } from '@jest/globals';
import {
  DialogueStateType,
  InvalidMessageError,
  TranscriptType,
  WakeService,
} from '@hearth/interfaces';

import {
  createInProcessTransport,
  DuplicateEndpointError,
  InvalidNameError,
  InvalidParameterError,
  LogCapture,
  ParameterAlreadyDeclaredError,
  ServiceCallFailedError,
  TopicTypeMismatchError,
} from '../src/index.js';
import { Collector } from './support/waitFor.js';

describe('in-process transport specifics', () => {
  it('refuses a second type on a topic, naming both', async () => {
    const graph = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = graph.createNode('n');
    node.createPublisher(TranscriptType, '/t');
    expect(() => node.createSubscription(DialogueStateType, '/t', () => undefined)).toThrow(
      TopicTypeMismatchError,
    );
    expect(() => node.createSubscription(DialogueStateType, '/t', () => undefined)).toThrow(
      /hearth_interfaces\/msg\/Transcript.*hearth_interfaces\/msg\/DialogueState/,
    );
    await graph.shutdown();
  });

  it('validates messages on publish', async () => {
    const graph = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const pub = graph.createNode('n').createPublisher(TranscriptType, '/t');
    expect(() =>
      pub.publish({ ...TranscriptType.create(), text: 3 } as unknown as ReturnType<
        typeof TranscriptType.create
      >),
    ).toThrow(InvalidMessageError);
    await graph.shutdown();
  });

  it('expands relative and private names under the namespace, and refuses invalid ones', async () => {
    const graph = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = graph.createNode('stt', { namespace: 'robot' });
    expect(node.createPublisher(TranscriptType, 'transcript').topic).toBe('/robot/transcript');
    expect(node.createPublisher(TranscriptType, '~/debug').topic).toBe('/robot/stt/debug');
    expect(() => node.createPublisher(TranscriptType, 'bad topic')).toThrow(InvalidNameError);
    expect(() => graph.createNode('9lives')).toThrow(InvalidNameError);
    await graph.shutdown();
  });

  it('names parameter mistakes in code', async () => {
    const graph = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = graph.createNode('n', { parameterOverrides: { rate: 'fast' } });
    expect(() => node.declareParameter('rate', 175)).toThrow(InvalidParameterError);
    expect(() => node.declareParameter('rate', 175)).toThrow(
      'Node n, parameter rate: override expected a whole number, got "fast". Fix: set a whole number such as 175.',
    );
    node.declareParameter('voice', 'en');
    expect(() => node.declareParameter('voice', 'en')).toThrow(ParameterAlreadyDeclaredError);
    expect(() => node.declareParameter('list', [])).toThrow(/give the descriptor a kind/);
    expect(node.declareParameter('list2', [] as string[], { kind: 'string_array' })).toEqual([]);
    await graph.shutdown();
  });

  it('one server per service name; a throwing handler fails the call', async () => {
    const graph = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = graph.createNode('n');
    node.createService(WakeService, '/wake', () => {
      throw new Error('asleep for good');
    });
    expect(() =>
      node.createService(WakeService, '/wake', () => ({ accepted: true, state: '' })),
    ).toThrow(DuplicateEndpointError);
    await expect(
      node.createClient(WakeService, '/wake').call({ source: 'x' }),
    ).rejects.toBeInstanceOf(ServiceCallFailedError);
    await graph.shutdown();
  });

  it('logs structured lines naming the node; a throwing subscriber is logged, others still get messages', async () => {
    const capture = new LogCapture();
    const graph = createInProcessTransport({ logger: { capture, level: 'debug' } });
    const node = graph.createNode('stt');
    node.logger.info('ready', { engine: 'typed' });
    expect(capture.linesOf('stt')).toEqual([
      { level: 'info', node: 'stt', msg: 'ready', engine: 'typed', time: expect.any(Number) },
    ]);
    const got = new Collector<unknown>();
    node.createSubscription(TranscriptType, '/t', () => {
      throw new Error('boom');
    });
    node.createSubscription(TranscriptType, '/t', got.push);
    node.createPublisher(TranscriptType, '/t').publish(TranscriptType.create({ text: 'hi' }));
    await got.atLeast(1);
    expect(capture.linesOf('stt', 'error')[0]?.msg).toBe('subscription callback on /t threw');
    await graph.shutdown();
  });
});
