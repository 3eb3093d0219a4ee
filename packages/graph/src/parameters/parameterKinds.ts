import type { ParameterDescriptor, ParameterKind, ParameterValue } from '../api.js';

/**
 * The kind of a value as ROS 2 would type it: whole numbers are integers, other numbers
 * doubles. An empty array has no kind of its own (undefined).
 */
export function inferKind(value: unknown): ParameterKind | undefined {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  if (typeof value === 'string') return 'string';
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((v) => typeof v === 'boolean')) return 'bool_array';
  if (value.every((v) => typeof v === 'number')) {
    return value.every((v) => Number.isInteger(v)) ? 'integer_array' : 'double_array';
  }
  if (value.every((v) => typeof v === 'string')) return 'string_array';
  return undefined;
}

export function isArrayKind(kind: ParameterKind): boolean {
  return kind.endsWith('_array');
}

/** "a number between 0 and 2", "one of: calm, warm", "true or false", ... */
export function describeExpected(
  kind: ParameterKind,
  descriptor: ParameterDescriptor = {},
): string {
  const { range, choices } = descriptor;
  switch (kind) {
    case 'bool':
      return 'true or false';
    case 'integer':
    case 'double': {
      const noun = kind === 'integer' ? 'a whole number' : 'a number';
      return range === undefined ? noun : `${noun} between ${range.min} and ${range.max}`;
    }
    case 'string':
      return choices === undefined
        ? 'a string'
        : `one of ${choices.map((c) => `"${c}"`).join(', ')}`;
    case 'bool_array':
      return 'a list of true/false values';
    case 'integer_array':
      return 'a list of whole numbers';
    case 'double_array':
      return 'a list of numbers';
    case 'string_array':
      return 'a list of strings';
  }
}

/** A value a person could write to fix a rejected one, for "Fix: set ... such as X". */
export function exampleValue(
  kind: ParameterKind,
  descriptor: ParameterDescriptor,
  fallback: ParameterValue,
): string {
  if (descriptor.choices !== undefined && descriptor.choices.length > 0)
    return String(descriptor.choices[0]);
  if (inferKind(fallback) === kind || (kind === 'double' && typeof fallback === 'number')) {
    return JSON.stringify(fallback);
  }
  const { range } = descriptor;
  switch (kind) {
    case 'bool':
      return 'true';
    case 'integer':
      return String(range?.min ?? 1);
    case 'double':
      return String(range === undefined ? 0.5 : (range.min + range.max) / 2);
    case 'string':
      return '"text"';
    default:
      return '[]';
  }
}

export function formatValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

/**
 * Checks a value against a parameter's kind, range and choices. Returns the value as stored
 * (integers accepted for doubles, as people write `temperature: 1`) or the reason it was refused.
 */
export function checkParameterValue(
  kind: ParameterKind,
  descriptor: ParameterDescriptor,
  value: unknown,
): { ok: true; value: ParameterValue } | { ok: false; reason: string } {
  const expected = describeExpected(kind, descriptor);
  const refuse = (): { ok: false; reason: string } => ({
    ok: false,
    reason: `expected ${expected}, got ${formatValue(value)}`,
  });
  const actual = inferKind(value);
  const emptyArray = Array.isArray(value) && value.length === 0;
  const kindFits =
    actual === kind ||
    (kind === 'double' && actual === 'integer') ||
    (kind === 'double_array' && actual === 'integer_array') ||
    (emptyArray && isArrayKind(kind));
  if (!kindFits) return refuse();
  const { range, choices } = descriptor;
  if (
    range !== undefined &&
    typeof value === 'number' &&
    (value < range.min || value > range.max)
  ) {
    return refuse();
  }
  if (
    range !== undefined &&
    Array.isArray(value) &&
    value.some((v) => typeof v === 'number' && (v < range.min || v > range.max))
  ) {
    return refuse();
  }
  if (choices !== undefined && typeof value === 'string' && !choices.includes(value))
    return refuse();
  return { ok: true, value: value as ParameterValue };
}

/** The descriptor's kind, or the kind of the default value. */
export function resolveKind(
  defaultValue: ParameterValue,
  descriptor: ParameterDescriptor,
): ParameterKind | undefined {
  const inferred = inferKind(defaultValue);
  if (descriptor.kind !== undefined) return descriptor.kind;
  // A range with a fractional bound, or a whole-number default for a ranged value, reads as double
  // when the range itself is fractional (temperature 1 in [0, 2] is still a temperature).
  if (inferred === 'integer' && descriptor.range !== undefined) {
    const { min, max } = descriptor.range;
    if (!Number.isInteger(min) || !Number.isInteger(max)) return 'double';
  }
  return inferred;
}

/**
 * What a descriptor says that ROS 2's ParameterDescriptor has no field for, in words for its
 * `additional_constraints` (shown by `ros2 param describe`).
 */
export function additionalConstraintsOf(descriptor: ParameterDescriptor): string {
  const { choices } = descriptor;
  return choices === undefined ? '' : `one of ${choices.map((c) => `"${c}"`).join(', ')}`;
}
