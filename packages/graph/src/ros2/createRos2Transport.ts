import type { CreateNodeOptions, GraphNode, GraphTransport, Logger } from '../api.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import { RclnodejsUnavailableError } from '../errors/RclnodejsUnavailableError.js';
import {
  resolveLoggerFactory,
  type LoggerFactory,
  type LoggingOptions,
} from '../logging/createLoggerFactory.js';
import { checkNodeName, normalizeNamespace } from '../names.js';
import { fullyQualifiedName } from '../parameters/nodeKeyPattern.js';
import type { ParametersFile } from '../parameters/ParametersFile.js';
import type { LoggingApi, NodeApi, RclnodejsApi } from './RclnodejsApi.js';
import { Ros2Node } from './Ros2Node.js';
import { Ros2Parameters } from './Ros2Parameters.js';

export interface Ros2TransportOptions<N extends NodeApi = NodeApi> {
  /** The rclnodejs module; tests pass the fake. Default: `await import('rclnodejs')`. */
  readonly rclnodejs?: RclnodejsApi<N>;
  /** Arguments for rclnodejs.init (ROS arguments such as `--ros-args -r ...`). Default: none. */
  readonly argv?: readonly string[];
  /** Whether to call rclnodejs.init (false when the caller already did). Default true. */
  readonly init?: boolean;
  /** The robot's parameters file, checked at declaration as on the in-process transport. */
  readonly parameters?: ParametersFile;
  /** Default: rclnodejs's own logger (stdout and /rosout), with fields appended as JSON. */
  readonly logger?: LoggerFactory | LoggingOptions;
}

/** Loads the real rclnodejs, only here: it cannot load where ROS 2 is not sourced. */
async function importRclnodejs(): Promise<RclnodejsApi<NodeApi>> {
  try {
    const loaded = (await import('rclnodejs')) as unknown as {
      default?: RclnodejsApi<NodeApi>;
    } & RclnodejsApi<NodeApi>;
    return loaded.default ?? loaded;
  } catch (error) {
    throw new RclnodejsUnavailableError(error);
  }
}

function rosLogger(logging: LoggingApi): Logger {
  const line = (message: string, fields?: Record<string, unknown>): string =>
    fields === undefined ? message : `${message} ${JSON.stringify(fields)}`;
  return {
    debug: (m, f) => void logging.debug(line(m, f)),
    info: (m, f) => void logging.info(line(m, f)),
    warn: (m, f) => void logging.warn(line(m, f)),
    error: (m, f) => void logging.error(line(m, f)),
    fatal: (m, f) => void logging.fatal(line(m, f)),
  };
}

/**
 * The robot's transport: each Hearth node is an rclnodejs Node, spinning from creation.
 * Node code sees the same API, names, QoS and parameter rules as on the in-process transport.
 */
export async function createRos2Transport<N extends NodeApi = NodeApi>(
  options: Ros2TransportOptions<N> = {},
): Promise<GraphTransport> {
  // Erasing N is sound: the only nodes handed back to rcl (ActionServer, ActionClient) are the
  // ones rcl.Node created.
  const rcl = (options.rclnodejs as RclnodejsApi<NodeApi> | undefined) ?? (await importRclnodejs());
  if (options.init ?? true) await rcl.init(undefined, ['node', 'hearth', ...(options.argv ?? [])]);
  const loggerFor = options.logger === undefined ? undefined : resolveLoggerFactory(options.logger);
  const nodes = new Set<Ros2Node>();
  let shutDown = false;

  return {
    kind: 'ros2',
    createNode(name: string, nodeOptions: CreateNodeOptions = {}): GraphNode {
      if (shutDown) throw new GraphEntityDestroyedError('The ROS 2 transport');
      checkNodeName(name);
      const namespace = normalizeNamespace(nodeOptions.namespace);
      const fqn = fullyQualifiedName(name, namespace);
      options.parameters?.noteNode(fqn);
      const rosNode = new rcl.Node(name, namespace);
      const logger = loggerFor?.(name) ?? rosLogger(rosNode.getLogger());
      const parameters = new Ros2Parameters(
        rcl,
        rosNode,
        name,
        fqn,
        nodeOptions.parameterOverrides ?? {},
        options.parameters,
        logger,
      );
      const node = new Ros2Node(rcl, rosNode, name, namespace, logger, parameters, (n) =>
        nodes.delete(n),
      );
      nodes.add(node);
      rosNode.spin();
      return node;
    },
    async shutdown(): Promise<void> {
      if (shutDown) return;
      shutDown = true;
      for (const node of [...nodes].reverse()) node.destroy();
      if (!rcl.isShutdown()) rcl.shutdown();
    },
  };
}
