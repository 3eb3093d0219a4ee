import { resolve } from 'node:path';
import {
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
  type LoggerFactory,
  type LoggingOptions,
  type ParameterValue,
} from '@hearth/graph';
import { DEFAULT_GESTURES_FILE } from '@hearth/gesture';
import { NodeNames } from '@hearth/interfaces';
import type { RobotProfile } from '../robotProfile.js';
import {
  asCreated,
  graphNodeOrder,
  nodeFactories,
  type HearthNodeName,
  type NodeContext,
  type NodeOverrides,
  type RunningHearthNode,
} from './nodeFactories.js';

export interface ComposeGraphOptions {
  readonly profile: RobotProfile;
  readonly audioDir: string;
  readonly mqttUrl?: string;
  /** Parameter values chosen on the command line; they win over the profile's file. */
  readonly overrides?: NodeOverrides;
  /** Which nodes to run; all of them by default. */
  readonly nodes?: readonly HearthNodeName[];
  /** A transport to use instead of a new in-process one (the ROS 2 one for `hearth graph`). */
  readonly transport?: GraphTransport;
  readonly logger?: LoggerFactory | LoggingOptions;
}

/** Every node of the robot's graph, running in this process. */
export interface ComposedGraph {
  readonly transport: GraphTransport;
  /** Makes another node on the same graph (the console, the chat driver). */
  createNode(name: string): GraphNode;
  /** What the person running Hearth should know, e.g. that no model is loaded. */
  readonly notices: readonly string[];
  /** Unused keys in the profile's parameters file (likely typos), with suggestions. */
  readonly warnings: readonly string[];
  /** Stops the nodes in reverse start order, then the transport. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * Composes Hearth's graph in one process (ROS 2 composition): one GraphNode per node, each with
 * its section of the robot's parameters file, created downstream first so that every action
 * server is up before the dialogue node needs it.
 */
export async function composeGraph(options: ComposeGraphOptions): Promise<ComposedGraph> {
  const { profile } = options;
  const transport =
    options.transport ??
    createInProcessTransport({
      parameters: profile.parameters,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  const gesturesFile = resolveGesturesFile(profile, options.overrides);
  const context: NodeContext = {
    profileDir: profile.dir,
    audioDir: options.audioDir,
    gesturesFile,
    ...(options.mqttUrl === undefined ? {} : { mqttUrl: options.mqttUrl }),
  };
  const running: RunningHearthNode[] = [];
  const notices: string[] = [];
  const extraNodes: GraphNode[] = [];
  let disposed: Promise<void> | undefined;
  const dispose = (): Promise<void> =>
    (disposed ??= (async () => {
      for (const node of extraNodes.reverse()) node.destroy();
      for (const node of running.reverse()) await node.dispose();
      await transport.shutdown();
    })());

  try {
    const wanted = options.nodes ?? graphNodeOrder;
    for (const name of graphNodeOrder.filter((n) => wanted.includes(n))) {
      const overrides: Record<string, ParameterValue> = { ...(options.overrides?.[name] ?? {}) };
      if (name === NodeNames.gesture) overrides['gestures_file'] = gesturesFile;
      const node = transport.createNode(name, { parameterOverrides: overrides });
      const created = asCreated(await nodeFactories[name](node, context));
      running.push(created.node);
      notices.push(...created.notices);
    }
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    transport,
    createNode(name: string): GraphNode {
      const node = transport.createNode(name);
      extraNodes.push(node);
      return node;
    },
    notices,
    warnings: profile.parameters
      .unusedKeys()
      .filter((unused) => !unused.nodeKey.endsWith(`/${NodeNames.console}`))
      .map((unused) => unused.message),
    dispose,
  };
}

/**
 * The gesture table: the command line's choice, else the parameters file's `gestures_file`
 * (relative to the profile's folder), else the profile's gestures.yaml, else the default one.
 */
function resolveGesturesFile(profile: RobotProfile, overrides: NodeOverrides | undefined): string {
  const chosen =
    overrides?.[NodeNames.gesture]?.['gestures_file'] ??
    profile.parameters.overridesFor(`/${NodeNames.gesture}`)['gestures_file'];
  if (typeof chosen === 'string' && chosen !== '') return resolve(profile.dir, chosen);
  return profile.gesturesFile ?? DEFAULT_GESTURES_FILE;
}
