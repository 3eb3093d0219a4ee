/** What a node's main() takes from its command line. */
export interface RosArgs {
  /** `--params-file F` (also inside `--ros-args ... --`), last one wins. */
  readonly paramsFile: string | undefined;
  /** The arguments for rclnodejs.init, without the params file (Hearth loads and checks it). */
  readonly rosArgs: string[];
  /** Everything outside `--ros-args ... [--]`. */
  readonly appArgs: string[];
}

/**
 * Splits argv the way ROS 2 does: `--ros-args` starts ROS arguments, `--` ends them. A bare
 * `--params-file F` outside `--ros-args` is accepted too, for running a node by hand.
 */
export function parseRosArgs(argv: readonly string[]): RosArgs {
  let paramsFile: string | undefined;
  const rosArgs: string[] = [];
  const appArgs: string[] = [];
  let inRos = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--ros-args') {
      inRos = true;
      continue;
    }
    if (inRos && arg === '--') {
      inRos = false;
      continue;
    }
    if (arg === '--params-file' && i + 1 < argv.length) {
      paramsFile = argv[++i];
      continue;
    }
    if (arg.startsWith('--params-file=')) {
      paramsFile = arg.slice('--params-file='.length);
      continue;
    }
    (inRos ? rosArgs : appArgs).push(arg);
  }
  return { paramsFile, rosArgs: rosArgs.length > 0 ? ['--ros-args', ...rosArgs] : [], appArgs };
}
