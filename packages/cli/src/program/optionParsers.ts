import { InvalidArgumentError } from 'commander';

/**
 * Parses a TCP port option; 0 picks a free port. Commander prints the message with the option
 * and exits 1, as for any other bad option.
 */
export function parsePort(value: string, option: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(
      `${option} must be a port number from 0 to 65535 (0 picks a free one), got "${value}"`,
    );
  }
  return port;
}

/** A parser for commander's `.option()`: the port option named `option`. */
export const portOption =
  (option: string) =>
  (value: string): number =>
    parsePort(value, option);

/**
 * Collects a repeatable option (`--param node.name=value`, `--model FILE`, ...) into a list, in
 * the order given; `paramOverrides` in commands/paramOption.ts reads `--param`'s.
 */
export function collectParam(text: string, previous: string[] = []): string[] {
  return [...previous, text];
}

/** `Number(value)`, as the numeric options with a number default take it. */
export const toNumber = (value: string): number => Number(value);

/** A person id as the robot profile's `people.ids` spell them. */
const PERSON_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Parses `--person ID` (the telemetry node refuses nothing: an unknown id gets the default). */
export function personOption(value: string): string {
  if (!PERSON_ID.test(value)) {
    throw new InvalidArgumentError(
      `--person must be a person id from the robot profile's people.ids (lower-case letters, digits, "-" and "_"), got "${value}"`,
    );
  }
  return value;
}

/**
 * `--person ID` as the parameter it sets: `telemetry.consent.current_person`, who is with the
 * robot when ros4hri tracks nobody (in the simulator, always). Added after the `--param`s, so it
 * wins over a `--param` setting the same.
 */
export function withPerson<T extends { person?: string; param?: string[] }>(options: T): T {
  if (options.person === undefined) return options;
  const param = `telemetry.consent.current_person=${JSON.stringify(options.person)}`;
  return { ...options, param: [...(options.param ?? []), param] };
}
