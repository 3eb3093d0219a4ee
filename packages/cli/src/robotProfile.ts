import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParametersFile, type ParametersFile } from '@hearth/graph';
import { CliError } from './errors.js';

/** A robot profile: a folder under robot-config/ with the robot's parameters and gestures. */
export interface RobotProfile {
  readonly dir: string;
  /** ROS 2 params-file format: `<node>: ros__parameters: {...}`. */
  readonly paramsFile: string;
  readonly parameters: ParametersFile;
  /** The gesture table, when the profile has one. */
  readonly gesturesFile: string | undefined;
}

/** The repository's robot-config/ folder, found relative to this package (source or dist). */
export function robotConfigDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'robot-config');
}

/**
 * Resolves `--robot`: a profile name (`default`), a profile folder, or a parameters file whose
 * folder holds the rest. Loading validates the YAML; each node validates its own keys when it
 * declares them, naming the file, key, expected value and fix.
 */
export function loadRobotProfile(spec: string | undefined): RobotProfile {
  const given = spec ?? 'default';
  const candidates = [resolve(given), join(robotConfigDir(), given)];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new CliError(
      `Robot profile "${given}" not found (looked for ${candidates.join(' and ')}). ` +
        'Give a folder under robot-config/ (e.g. --robot default) or a parameters file (--robot path/to/params.yaml).',
    );
  }
  const isDir = statSync(found).isDirectory();
  const dir = isDir ? found : dirname(found);
  const paramsFile = isDir ? join(found, 'params.yaml') : found;
  if (!existsSync(paramsFile)) {
    throw new CliError(
      `Robot profile ${dir} has no params.yaml. Copy robot-config/default/params.yaml there and edit it.`,
    );
  }
  const gesturesFile = join(dir, 'gestures.yaml');
  return {
    dir,
    paramsFile,
    parameters: loadParametersFile(paramsFile),
    gesturesFile: existsSync(gesturesFile) ? gesturesFile : undefined,
  };
}
