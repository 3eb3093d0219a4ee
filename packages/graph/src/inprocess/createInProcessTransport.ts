import type { Clock, CreateNodeOptions, GraphNode, GraphTransport } from '../api.js';
import { systemClock } from '../clock/systemClock.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import {
  resolveLoggerFactory,
  type LoggerFactory,
  type LoggingOptions,
} from '../logging/createLoggerFactory.js';
import { checkNodeName, normalizeNamespace } from '../names.js';
import { fullyQualifiedName } from '../parameters/nodeKeyPattern.js';
import { ParameterTable } from '../parameters/ParameterTable.js';
import type { ParametersFile } from '../parameters/ParametersFile.js';
import { InProcessBus } from './InProcessBus.js';
import { InProcessNode } from './InProcessNode.js';

export interface InProcessTransportOptions {
  /** A logger factory, or options for the default pino one (level, capture for tests). */
  readonly logger?: LoggerFactory | LoggingOptions;
  /** Defaults to the system clock. */
  readonly clock?: Clock;
  /** The robot's parameters file: each node's section applies at declaration. */
  readonly parameters?: ParametersFile;
}

/**
 * The simulator's transport: every node made from it shares one bus in this process, with ROS 2's
 * QoS meaning, names and parameter rules, so node code behaves the same as on a robot.
 */
export function createInProcessTransport(options: InProcessTransportOptions = {}): GraphTransport {
  const loggerFor = resolveLoggerFactory(options.logger);
  const clock = options.clock ?? systemClock;
  const bus = new InProcessBus(loggerFor('graph'));
  const nodes = new Set<InProcessNode>();
  let shutDown = false;

  return {
    kind: 'in-process',
    createNode(name: string, nodeOptions: CreateNodeOptions = {}): GraphNode {
      if (shutDown) throw new GraphEntityDestroyedError('The in-process transport');
      checkNodeName(name);
      const namespace = normalizeNamespace(nodeOptions.namespace);
      const fqn = fullyQualifiedName(name, namespace);
      options.parameters?.noteNode(fqn);
      const logger = loggerFor(name);
      const parameters = new ParameterTable(
        {
          nodeName: name,
          fqn,
          overrides: nodeOptions.parameterOverrides ?? {},
          file: options.parameters,
        },
        logger,
      );
      const node = new InProcessNode(name, namespace, logger, clock, bus, parameters, (n) => {
        nodes.delete(n);
        bus.parameters.unregister(fqn, parameters);
      });
      // What ROS 2's parameter services and /parameter_events give other nodes.
      bus.parameters.register(fqn, parameters);
      parameters.onChanged((changes) =>
        bus.parameters.announce(
          fqn,
          changes.map(({ name, value }) => ({ name, value })),
        ),
      );
      nodes.add(node);
      return node;
    },
    async shutdown(): Promise<void> {
      if (shutDown) return;
      shutDown = true;
      for (const node of [...nodes].reverse()) node.destroy();
      bus.actions.clear();
      bus.services.clear();
      bus.parameters.clear();
    },
  };
}
