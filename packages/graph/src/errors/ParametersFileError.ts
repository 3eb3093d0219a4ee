/**
 * A ROS 2 parameters file is malformed, or holds a value a node rejects. The message names the
 * file, the key (`node.ros__parameters.name`), its line when known, what was expected and the fix.
 */
export class ParametersFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    const where = key === '' ? '' : ` ${key}${line === undefined ? '' : ` (line ${line})`}:`;
    const at = key === '' && line !== undefined ? `:${line}:` : ':';
    super(`${file}${at}${where} ${problem}. Fix: ${fix}`);
    this.name = 'ParametersFileError';
  }
}
