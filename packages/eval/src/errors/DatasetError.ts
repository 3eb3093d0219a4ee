/** A dataset that cannot be read: the message names the file, the line when known, and the fix. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
    fix: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem} ${fix}`);
    this.name = 'DatasetError';
  }
}
