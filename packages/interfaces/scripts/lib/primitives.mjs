/**
 * ROS 2's primitive types and how they map to TypeScript. int64 and uint64 are carried as
 * numbers (Hearth's values are counters and sizes), so their defaults and constants must stay
 * within JavaScript's safe integer range; the validators check the same.
 */

/** Integer types with their full ROS 2 ranges, as BigInt so 64-bit bounds are exact. */
export const INTEGER_TYPES = Object.freeze({
  byte: [0n, 255n],
  char: [0n, 255n],
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-2147483648n, 2147483647n],
  uint32: [0n, 4294967295n],
  int64: [-9223372036854775808n, 9223372036854775807n],
  uint64: [0n, 18446744073709551615n],
});

export const FLOAT_TYPES = Object.freeze(['float32', 'float64']);
export const STRING_TYPES = Object.freeze(['string', 'wstring']);
export const FLOAT32_MAX = 3.4028234663852886e38;

/** @param {string} name */
export function isPrimitive(name) {
  return name === 'bool' || isInteger(name) || isFloat(name) || isString(name);
}

/** @param {string} name */
export function isInteger(name) {
  return Object.hasOwn(INTEGER_TYPES, name);
}

/** @param {string} name */
export function isFloat(name) {
  return FLOAT_TYPES.includes(name);
}

/** @param {string} name */
export function isString(name) {
  return STRING_TYPES.includes(name);
}

/** The TypeScript type of one value of a primitive. */
export function primitiveTsType(name) {
  if (name === 'bool') return 'boolean';
  if (isString(name)) return 'string';
  return 'number';
}

/** ROS 1 names people still write, with what ROS 2 calls them. */
export const ROS1_HINTS = Object.freeze({
  time: 'builtin_interfaces/Time',
  duration: 'builtin_interfaces/Duration',
  Header: 'std_msgs/Header',
});
