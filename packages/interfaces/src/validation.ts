/**
 * The checks generated validators call, one per kind of ROS 2 value. Each appends issues of the
 * form `<path>: expected <type>, got <what>` and never throws, so one parse reports every
 * problem at once. Issues describe a wrong value by its type (or its number), never by its text:
 * messages carry what people said, and issues end up in logs.
 */

export type IntegerTypeName =
  'byte' | 'char' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

export type FloatTypeName = 'float32' | 'float64';

/**
 * Integer ranges. int64 and uint64 are carried as JavaScript numbers (as the generated types
 * say), so they are limited to the safe integer range rather than the full 64 bits.
 */
const INTEGER_RANGES: Readonly<Record<IntegerTypeName, readonly [number, number]>> = {
  byte: [0, 255],
  char: [0, 255],
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

const FLOAT32_MAX = 3.4028234663852886e38;

/** Checks one value, appending an issue for each problem found at `path`. */
export type Checker = (value: unknown, path: string, issues: string[]) => void;

/** The path of a field under its parent's path (`stamp` + `sec` -> `stamp.sec`). */
export function at(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** Describes a wrong value without quoting its content. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function report(issues: string[], path: string, expected: string, value: unknown): void {
  issues.push(
    `${path === '' ? '(message)' : path}: expected ${expected}, got ${describeValue(value)}`,
  );
}

/**
 * Checks that `value` is a plain object holding only `fields`; returns it for the field checks,
 * or undefined (after reporting) when it is not an object at all.
 */
export function checkObject(
  value: unknown,
  path: string,
  typeName: string,
  fields: readonly string[],
  issues: string[],
): Readonly<Record<string, unknown>> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(issues, path, typeName, value);
    return undefined;
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (!fields.includes(key)) {
      issues.push(
        `${at(path, key)}: unknown field (${typeName} has ${fields.join(', ') || 'no fields'})`,
      );
    }
  }
  return record;
}

export function checkBool(value: unknown, path: string, issues: string[]): void {
  if (typeof value !== 'boolean') report(issues, path, 'bool', value);
}

export function checkInteger(
  value: unknown,
  path: string,
  type: IntegerTypeName,
  issues: string[],
): void {
  const [min, max] = INTEGER_RANGES[type];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    report(issues, path, `${type} (an integer from ${min} to ${max})`, value);
  }
}

/** Floats may be NaN or infinite (IEEE 754, as on the wire); float32 must fit its range. */
export function checkFloat(
  value: unknown,
  path: string,
  type: FloatTypeName,
  issues: string[],
): void {
  if (typeof value !== 'number') {
    report(issues, path, type, value);
  } else if (type === 'float32' && Number.isFinite(value) && Math.abs(value) > FLOAT32_MAX) {
    report(issues, path, `${type} (at most ${FLOAT32_MAX} in magnitude)`, value);
  }
}

/** `bound` is the N of `string<=N`, counted in characters (code points), as rclpy counts it. */
export function checkString(
  value: unknown,
  path: string,
  type: 'string' | 'wstring',
  bound: number | null,
  issues: string[],
): void {
  if (typeof value !== 'string') {
    report(issues, path, bound === null ? type : `${type}<=${bound}`, value);
    return;
  }
  if (bound !== null) {
    const length = [...value].length;
    if (length > bound)
      issues.push(`${path}: expected ${type}<=${bound}, got ${length} characters`);
  }
}

/** A checker for `string<=N` (or `wstring<=N`) values. */
export function boundedString(type: 'string' | 'wstring', bound: number): Checker {
  return (value, path, issues) => checkString(value, path, type, bound, issues);
}

/** One checker per primitive type, for generated code (fields and array elements alike). */
export const Checks = {
  bool: checkBool,
  byte: (value, path, issues) => checkInteger(value, path, 'byte', issues),
  char: (value, path, issues) => checkInteger(value, path, 'char', issues),
  int8: (value, path, issues) => checkInteger(value, path, 'int8', issues),
  uint8: (value, path, issues) => checkInteger(value, path, 'uint8', issues),
  int16: (value, path, issues) => checkInteger(value, path, 'int16', issues),
  uint16: (value, path, issues) => checkInteger(value, path, 'uint16', issues),
  int32: (value, path, issues) => checkInteger(value, path, 'int32', issues),
  uint32: (value, path, issues) => checkInteger(value, path, 'uint32', issues),
  int64: (value, path, issues) => checkInteger(value, path, 'int64', issues),
  uint64: (value, path, issues) => checkInteger(value, path, 'uint64', issues),
  float32: (value, path, issues) => checkFloat(value, path, 'float32', issues),
  float64: (value, path, issues) => checkFloat(value, path, 'float64', issues),
  string: (value, path, issues) => checkString(value, path, 'string', null, issues),
  wstring: (value, path, issues) => checkString(value, path, 'wstring', null, issues),
} as const satisfies Record<string, Checker>;

export interface ArrayBound {
  readonly kind: 'bounded' | 'fixed';
  readonly size: number;
}

/**
 * Checks an array's shape and size, then each element with `checkElement`.
 * @param shape how the definition writes the type, e.g. `int16[]`, for issues
 */
export function checkArray(
  value: unknown,
  path: string,
  issues: string[],
  shape: string,
  bound: ArrayBound | null,
  checkElement: Checker,
): void {
  if (!Array.isArray(value)) {
    report(issues, path, shape, value);
    return;
  }
  if (bound !== null) {
    const fits = bound.kind === 'fixed' ? value.length === bound.size : value.length <= bound.size;
    if (!fits) issues.push(`${path}: expected ${shape}, got ${value.length} elements`);
  }
  value.forEach((element: unknown, index) => checkElement(element, `${path}[${index}]`, issues));
}
