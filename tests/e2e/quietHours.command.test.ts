/**
 * A caregiver's quiet hours end to end: `cmd/quiet-hours` published at the broker (the embedded
 * aedes) reaches the telemetry node, is validated, goes onto the graph as the CaregiverCommand
 * `set-quiet-hours`, and the dialogue node applies it to its own quiet_hours_start/end
 * parameters, as `ros2 param set` would. "" turns them off; a malformed one is refused and changes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  LogCapture,
  Qos,
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
} from '../../packages/graph/src/index.js';
import { CaregiverCommandType, NodeNames, Topics } from '../../packages/interfaces/src/index.js';
import { DialogueNode } from '../../packages/dialogue/src/index.js';
import {
  startEmbeddedBroker,
  type EmbeddedBroker,
} from '../../packages/telemetry/src/broker/startEmbeddedBroker.js';
import { MEMORY_OUTBOX, TelemetryNode } from '../../packages/telemetry/src/TelemetryNode.js';
import { MqttProbe } from '../../packages/telemetry/test/support/MqttProbe.js';
import { until } from '../support/until.js';
import { sendCaregiverCommand } from '../../packages/telemetry/test/support/caregiverCommand.js';

const robot = `quiet-${process.pid}`;

describe('cmd/quiet-hours from the broker to the dialogue parameters', () => {
  let broker: EmbeddedBroker;
  let transport: GraphTransport;
  let dialogueNode: GraphNode;
  let dialogue: DialogueNode;
  let telemetry: TelemetryNode;
  let caregiver: MqttProbe;
  let capture: LogCapture;

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    capture = new LogCapture();
    transport = createInProcessTransport({ logger: { capture } });
    dialogueNode = transport.createNode(NodeNames.dialogue);
    dialogue = new DialogueNode(dialogueNode);
    telemetry = new TelemetryNode(transport.createNode(NodeNames.telemetry), {
      mqttUrl: broker.url,
      robotId: robot,
      outboxDir: MEMORY_OUTBOX,
    });
    await telemetry.ready();
    caregiver = await MqttProbe.connect(broker.url, `hearth/v1/${robot}/status`);
  });

  afterAll(async () => {
    await caregiver.close();
    await telemetry.dispose();
    dialogue.dispose();
    await transport.shutdown();
    await broker.close();
  });

  const quietHours = () => [
    dialogueNode.getParameter('quiet_hours_start'),
    dialogueNode.getParameter('quiet_hours_end'),
  ];

  const send = (start: string, end: string) =>
    sendCaregiverCommand(caregiver, robot, 'quiet-hours', { start, end });

  it('sets the quiet hours, and turns them off', async () => {
    expect(quietHours()).toEqual(['', '']);
    await send('21:30', '07:00');
    await until('quiet hours set', () => quietHours()[0] === '21:30');
    expect(quietHours()).toEqual(['21:30', '07:00']);

    await send('', '');
    await until('quiet hours off', () => quietHours()[0] === '');
    expect(quietHours()).toEqual(['', '']);
  });

  it('refuses malformed quiet hours at the broker edge and on the graph, changing nothing', async () => {
    await send('13:00', '14:00');
    await until('quiet hours set', () => quietHours()[0] === '13:00');
    const refused = new Promise((resolve) => telemetry.once('commandRefused', resolve));
    await send('25:00', '07:00');
    await refused;
    // A graph command that skipped validation (another publisher): the dialogue's guard refuses it.
    transport
      .createNode('console')
      .createPublisher(CaregiverCommandType, Topics.caregiverCommand, Qos.events)
      .publish(
        CaregiverCommandType.create({ verb: 'set-quiet-hours', text: '22:00-7', issued_by: 'x' }),
      );
    await until('the refusal logged', () =>
      capture.records.some((r) => r.msg === 'caregiver quiet hours refused'),
    );
    expect(quietHours()).toEqual(['13:00', '14:00']);
  });
});
