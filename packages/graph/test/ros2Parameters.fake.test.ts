import { afterEach, describe, expect, it } from '@jest/globals';

import {
  createFakeRclnodejs,
  createRos2Transport,
  LogCapture,
  type GraphTransport,
} from '../src/index.js';

/**
 * Parameters a node declares through the rclnodejs transport are real ROS 2 parameters: what
 * `ros2 param set/delete/describe` send (the node's rcl_interfaces services) reaches them, through
 * Hearth's checks and validators.
 */
describe('rclnodejs transport: parameters as `ros2 param` sees them (fake rclnodejs)', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  async function setUp(): Promise<{
    call: (service: string, typeClass: string, request: object) => Promise<object>;
    values: () => Record<string, unknown>;
  }> {
    const rcl = createFakeRclnodejs();
    transport = await createRos2Transport({
      rclnodejs: rcl,
      logger: { capture: new LogCapture() },
    });
    const tts = transport.createNode('tts');
    tts.declareParameter('voice', 'en', { choices: ['en', 'de'] });
    tts.declareParameter('rate', 175, { range: { min: 80, max: 400 } });
    tts.addParameterValidator((changes) =>
      changes.some((c) => c.value === 300) ? { successful: false, reason: 'too fast' } : undefined,
    );
    // The ros2 command line tool: a plain rclnodejs node calling the services.
    const cli = new rcl.Node('ros2cli');
    cli.spin();
    return {
      call: (service, typeClass, request) =>
        cli.createClient(typeClass, `/tts/${service}`).sendRequestAsync(request, { timeout: 2000 }),
      values: () => tts.getParameters(),
    };
  }

  it('`ros2 param set` goes through the choices and validators Hearth declared', async () => {
    const { call, values } = await setUp();
    const set = (name: string, value: object): Promise<object> =>
      call('set_parameters', 'rcl_interfaces/srv/SetParameters', {
        parameters: [{ name, value }],
      });
    expect(await set('voice', { type: 4, string_value: 'fr' })).toEqual({
      results: [
        { successful: false, reason: 'parameter voice: expected one of "en", "de", got "fr"' },
      ],
    });
    expect(await set('rate', { type: 2, integer_value: 300n })).toEqual({
      results: [{ successful: false, reason: 'too fast' }],
    });
    expect(await set('voice', { type: 4, string_value: 'de' })).toEqual({
      results: [{ successful: true, reason: null }],
    });
    expect(values()).toEqual({ voice: 'de', rate: 175 });
  });

  it('`ros2 param delete` is refused: the node reads what it declared', async () => {
    const { call, values } = await setUp();
    const answer = await call('set_parameters', 'rcl_interfaces/srv/SetParameters', {
      parameters: [{ name: 'rate', value: { type: 0 } }],
    });
    expect(answer).toEqual({
      results: [
        {
          successful: false,
          reason: 'parameter rate cannot be deleted: node tts declared it and reads it',
        },
      ],
    });
    expect(values()).toEqual({ voice: 'en', rate: 175 });
  });

  it('`ros2 param describe` shows the range, and choices as additional constraints', async () => {
    const { call } = await setUp();
    const answer = (await call('describe_parameters', 'rcl_interfaces/srv/DescribeParameters', {
      names: ['voice', 'rate'],
    })) as { descriptors: Record<string, unknown>[] };
    expect(answer.descriptors[0]).toMatchObject({
      name: 'voice',
      type: 4,
      additional_constraints: 'one of "en", "de"',
    });
    expect(answer.descriptors[1]).toMatchObject({
      name: 'rate',
      type: 2,
      integer_range: [{ fromValue: 80, toValue: 400 }],
    });
  });
});
