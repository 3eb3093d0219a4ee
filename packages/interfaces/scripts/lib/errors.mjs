/**
 * An interface file is not valid ROS 2 IDL (or uses a feature the generator does not support).
 * The message names the file and line, what is wrong, and how to fix it.
 */
export class InterfaceDefinitionError extends Error {
  /**
   * @param {string} file the interface file, relative to the package
   * @param {number | null} line 1-based line number, or null for the whole file
   * @param {string} reason what is wrong and how to fix it
   */
  constructor(file, line, reason) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'InterfaceDefinitionError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
