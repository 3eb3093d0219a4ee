/** A mapping parameter entry that cannot be applied; the message names it and the fix. */
export class MappingOverrideError extends Error {
  constructor(parameter: string, entry: string, problem: string, fix: string) {
    super(`${parameter} entry "${entry}": ${problem}. Fix: ${fix}`);
    this.name = 'MappingOverrideError';
  }
}
