/**
 * The harness the TelemetryNode tests share: an embedded aedes broker on a free port, an
 * in-process graph with a `driver` node to publish from, the telemetry node under test (in-memory
 * outbox, fake timers) and a probe subscribed to everything the robot sends.
 */
import {
  LogCapture,
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import type { ParameterValue } from '@hearth/graph';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../src/broker/startEmbeddedBroker.js';
import {
  MEMORY_OUTBOX,
  TelemetryNode,
  type TelemetryNodeOptions,
} from '../../src/TelemetryNode.js';
import { FakeTimers } from './FakeTimers.js';
import { MqttProbe } from './MqttProbe.js';

export interface TelemetryHarnessOptions {
  readonly robot: string;
  /** The telemetry node's parameters. */
  readonly parameterOverrides?: Record<string, ParameterValue>;
  /** Laid over the harness's own (broker URL, robot id, in-memory outbox, timers). */
  readonly node?: TelemetryNodeOptions;
  /** What the probe subscribes to; default `hearth/v1/<robot>/#`. */
  readonly probeTopic?: string;
  /** The node runs on the real clock's timers; `timers` is then not the node's. */
  readonly realTimers?: boolean;
}

export interface TelemetryHarness {
  readonly broker: EmbeddedBroker;
  readonly capture: LogCapture;
  readonly transport: GraphTransport;
  readonly driver: GraphNode;
  /** The telemetry node's graph node (its parameters). */
  readonly node: GraphNode;
  readonly telemetry: TelemetryNode;
  /** Subscribed (to `hearth/v1/<robot>/#` unless told) before the node started. */
  readonly probe: MqttProbe;
  /** The node's timers, advanced by hand (unless started with `realTimers`). */
  readonly timers: FakeTimers;
  /** Disposes the node, then closes the probe, the graph and the broker. */
  close(): Promise<void>;
}

/** Starts the harness and resolves once the telemetry node is ready. */
export async function startTelemetryHarness(
  options: TelemetryHarnessOptions,
): Promise<TelemetryHarness> {
  const broker = await startEmbeddedBroker({ port: 0 });
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture } });
  const driver = transport.createNode('driver');
  const probe = await MqttProbe.connect(
    broker.url,
    options.probeTopic ?? `hearth/v1/${options.robot}/#`,
  );
  const timers = new FakeTimers();
  const node = transport.createNode('telemetry', {
    parameterOverrides: options.parameterOverrides ?? {},
  });
  const telemetry = new TelemetryNode(node, {
    mqttUrl: broker.url,
    robotId: options.robot,
    outboxDir: MEMORY_OUTBOX,
    ...(options.realTimers ? {} : { timers }),
    ...options.node,
  });
  await telemetry.ready();
  return {
    broker,
    capture,
    transport,
    driver,
    node,
    telemetry,
    probe,
    timers,
    close: async () => {
      await telemetry.dispose();
      await probe.close();
      await transport.shutdown();
      await broker.close();
    },
  };
}
