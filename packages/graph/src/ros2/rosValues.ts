import type { ParameterKind, ParameterValue } from '../api.js';
import { ParameterTypeCode } from './RclnodejsApi.js';
import type * as Rcl from 'rclnodejs';

/**
 * Messages from rclnodejs back to Hearth's plain shape: int64 fields arrive as bigint and numeric
 * arrays may arrive as TypedArrays; Hearth's generated types use numbers and arrays.
 */
export function fromRos(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) =>
      typeof v === 'bigint' ? Number(v) : v,
    );
  }
  if (Array.isArray(value)) return value.map(fromRos);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromRos(v)]));
  }
  return value;
}

const kindToType: Record<ParameterKind, Rcl.ParameterType> = {
  bool: ParameterTypeCode.PARAMETER_BOOL,
  integer: ParameterTypeCode.PARAMETER_INTEGER,
  double: ParameterTypeCode.PARAMETER_DOUBLE,
  string: ParameterTypeCode.PARAMETER_STRING,
  bool_array: ParameterTypeCode.PARAMETER_BOOL_ARRAY,
  integer_array: ParameterTypeCode.PARAMETER_INTEGER_ARRAY,
  double_array: ParameterTypeCode.PARAMETER_DOUBLE_ARRAY,
  string_array: ParameterTypeCode.PARAMETER_STRING_ARRAY,
};

export function parameterTypeOf(kind: ParameterKind): Rcl.ParameterType {
  return kindToType[kind];
}

/** A Hearth parameter value as rclnodejs stores it: integers as bigint. */
export function toRosParameterValue(kind: ParameterKind, value: ParameterValue): unknown {
  if (kind === 'integer') return BigInt(value as number);
  if (kind === 'integer_array') return (value as number[]).map((v) => BigInt(v));
  return value;
}

/** A value read from rclnodejs's parameters, back to Hearth's ParameterValue. */
export function fromRosParameterValue(value: unknown): ParameterValue | undefined {
  const plain = fromRos(value);
  if (plain === null || plain === undefined) return undefined;
  return plain as ParameterValue;
}

/** 16 bytes to the usual 8-4-4-4-12 hex form. */
export function uuidToString(id: { readonly uuid: ArrayLike<number> }): string {
  const hex = Array.from(id.uuid, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
