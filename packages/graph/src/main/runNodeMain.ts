import type { CreateNodeOptions, GraphNode, GraphTransport } from '../api.js';
import { createInProcessTransport } from '../inprocess/createInProcessTransport.js';
import { loadParametersFile } from '../parameters/loadParametersFile.js';
import type { ParametersFile } from '../parameters/ParametersFile.js';
import { createRos2Transport } from '../ros2/createRos2Transport.js';
import { parseRosArgs } from './parseRosArgs.js';

export interface RunNodeMainOptions<N extends { dispose(): void | Promise<void> }> {
  /** The node's name: also its key in the parameters file. */
  readonly name: string;
  /** Builds the node (a class taking the GraphNode, with dispose()). */
  readonly create: (
    node: GraphNode,
    context: { argv: readonly string[]; parameters: ParametersFile | undefined },
  ) => N | Promise<N>;
  readonly nodeOptions?: CreateNodeOptions;
  /** Default: process.argv.slice(2). */
  readonly argv?: readonly string[];
  /** Default: process.env (ROS_DISTRO, HEARTH_TRANSPORT). */
  readonly env?: NodeJS.ProcessEnv;
  /** Default: ros2 when ROS_DISTRO is set and HEARTH_TRANSPORT is not `in-process`. */
  readonly transport?: GraphTransport;
}

export interface RunningNode<N> {
  readonly node: N;
  readonly transport: GraphTransport;
  /** Disposes the node, then shuts the transport down. Idempotent. */
  stop(): Promise<void>;
}

/** Which transport a node's main() uses by default. */
export function defaultTransportKind(env: NodeJS.ProcessEnv): 'ros2' | 'in-process' {
  return env['ROS_DISTRO'] !== undefined &&
    env['ROS_DISTRO'] !== '' &&
    env['HEARTH_TRANSPORT'] !== 'in-process'
    ? 'ros2'
    : 'in-process';
}

/**
 * A node package's thin main(): pick the transport, load `--params-file`, create the node (it
 * spins from creation), and stop cleanly on SIGINT or SIGTERM.
 */
export async function runNodeMain<N extends { dispose(): void | Promise<void> }>(
  options: RunNodeMainOptions<N>,
): Promise<RunningNode<N>> {
  const env = options.env ?? process.env;
  const args = parseRosArgs(options.argv ?? process.argv.slice(2));
  const parameters =
    args.paramsFile === undefined ? undefined : loadParametersFile(args.paramsFile);
  const transport =
    options.transport ??
    (defaultTransportKind(env) === 'ros2'
      ? await createRos2Transport({
          argv: args.rosArgs,
          ...(parameters === undefined ? {} : { parameters }),
        })
      : createInProcessTransport(parameters === undefined ? {} : { parameters }));
  const graphNode = transport.createNode(options.name, options.nodeOptions);
  let node: N;
  try {
    node = await options.create(graphNode, { argv: args.appArgs, parameters });
  } catch (error) {
    await transport.shutdown();
    throw error;
  }
  for (const unused of parameters
    ?.unusedKeys()
    .filter((u) => u.nodeKey.endsWith(`/${options.name}`)) ?? []) {
    graphNode.logger.warn(unused.message);
  }
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await node.dispose();
      await transport.shutdown();
    })());
  const onSignal = (): void => {
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        graphNode.logger.fatal('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { node, transport, stop };
}
