/**
 * The consent part of the robot's profile (the telemetry node's parameters) is wrong. The message
 * names the key as it is written in the parameters file and the fix.
 */
export class ConsentProfileError extends Error {
  constructor(
    /** The parameter, e.g. `people.ids`. */
    readonly parameter: string,
    problem: string,
    fix: string,
  ) {
    super(`robot parameters file, telemetry.ros__parameters.${parameter}: ${problem}. Fix: ${fix}`);
    this.name = 'ConsentProfileError';
  }
}
