import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  createInProcessTransport,
  createRos2Transport,
  parseRosArgs,
  runNodeMain,
} from '@hearth/graph';
import { DEFAULT_GESTURES_FILE } from '@hearth/gesture';
import { CliError } from '../errors.js';
import { composeGraph } from '../graph/composeGraph.js';
import {
  asCreated,
  graphNodeOrder,
  isHearthNodeName,
  nodeFactories,
} from '../graph/nodeFactories.js';
import { loadRobotProfile } from '../robotProfile.js';
import { untilInterrupted } from './services.js';

function useRos2(): boolean {
  const distro = process.env['ROS_DISTRO'];
  return distro !== undefined && distro !== '' && process.env['HEARTH_TRANSPORT'] !== 'in-process';
}

/**
 * `hearth node NAME [--ros-args --params-file F]`: one node alone, as a launch file runs it. On
 * ROS 2 when ROS_DISTRO is set; otherwise on the in-process transport (useful only to check that
 * the node and its parameters start).
 */
export async function nodeCommand(name: string, argv: readonly string[]): Promise<number> {
  if (!isHearthNodeName(name)) {
    throw new CliError(`Unknown node "${name}". Nodes: ${graphNodeOrder.join(', ')}.`);
  }
  const { paramsFile } = parseRosArgs(argv);
  const profileDir = paramsFile === undefined ? process.cwd() : dirname(paramsFile);
  const running = await runNodeMain({
    name,
    argv,
    create: async (node) =>
      asCreated(
        await nodeFactories[name](node, {
          profileDir,
          audioDir: join(tmpdir(), 'hearth-audio'),
          gesturesFile: existsSync(join(profileDir, 'gestures.yaml'))
            ? join(profileDir, 'gestures.yaml')
            : DEFAULT_GESTURES_FILE,
        }),
      ).node,
  });
  process.stdout.write(
    `Node ${name} running on the ${running.transport.kind} transport. Ctrl-C stops it.\n`,
  );
  await untilInterrupted();
  await running.stop();
  return 0;
}

/** `hearth graph [--ros-args --params-file F]`: every node composed in one process. */
export async function graphCommand(argv: readonly string[]): Promise<number> {
  const args = parseRosArgs(argv);
  const profile = loadRobotProfile(args.paramsFile);
  const { parameters } = profile;
  const transport = useRos2()
    ? await createRos2Transport({ argv: args.rosArgs, parameters })
    : createInProcessTransport({ parameters });
  const graph = await composeGraph({
    profile,
    audioDir: join(tmpdir(), 'hearth-audio'),
    transport,
  });
  for (const warning of graph.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stdout.write(
    `Hearth graph running on the ${transport.kind} transport. Ctrl-C stops it.\n`,
  );
  await untilInterrupted();
  await graph.dispose();
  return 0;
}
