import {
  GgufValueType,
  isGgufValueType,
  type GgufValueType as ValueType,
} from '../format/ggufConstants.js';
import type { GgufArrayValue, GgufValue } from '../format/ggufValue.js';
import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import type { ByteWriter } from '../io/ByteWriter.js';

const integerRanges: Partial<Record<ValueType, readonly [number, number]>> = {
  [GgufValueType.Uint8]: [0, 0xff],
  [GgufValueType.Int8]: [-0x80, 0x7f],
  [GgufValueType.Uint16]: [0, 0xffff],
  [GgufValueType.Int16]: [-0x8000, 0x7fff],
  [GgufValueType.Uint32]: [0, 0xffffffff],
  [GgufValueType.Int32]: [-0x80000000, 0x7fffffff],
};

const bigIntRanges: Partial<Record<ValueType, readonly [bigint, bigint]>> = {
  [GgufValueType.Uint64]: [0n, 0xffffffffffffffffn],
  [GgufValueType.Int64]: [-0x8000000000000000n, 0x7fffffffffffffffn],
};

/** Writes one value of a known type (no type tag: callers write that where the format wants it). */
function writeItem(out: ByteWriter, type: ValueType, value: unknown, key: string): void {
  const integerRange = integerRanges[type];
  if (integerRange !== undefined) {
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < integerRange[0] ||
      value > integerRange[1]
    ) {
      throw new InvalidGgufInputError(
        `metadata ${key}`,
        `${String(value)} does not fit value type ${type}`,
      );
    }
  }
  const bigIntRange = bigIntRanges[type];
  if (bigIntRange !== undefined) {
    if (typeof value !== 'bigint' || value < bigIntRange[0] || value > bigIntRange[1]) {
      throw new InvalidGgufInputError(
        `metadata ${key}`,
        `${String(value)} does not fit value type ${type}`,
      );
    }
  }
  switch (type) {
    case GgufValueType.Uint8:
      return out.u8(value as number);
    case GgufValueType.Int8:
      return out.i8(value as number);
    case GgufValueType.Uint16:
      return out.u16(value as number);
    case GgufValueType.Int16:
      return out.i16(value as number);
    case GgufValueType.Uint32:
      return out.u32(value as number);
    case GgufValueType.Int32:
      return out.i32(value as number);
    case GgufValueType.Uint64:
      return out.u64(value as bigint);
    case GgufValueType.Int64:
      return out.i64(value as bigint);
    case GgufValueType.Float32:
    case GgufValueType.Float64:
      if (typeof value !== 'number') {
        throw new InvalidGgufInputError(`metadata ${key}`, `${String(value)} is not a number`);
      }
      return type === GgufValueType.Float32 ? out.f32(value) : out.f64(value);
    case GgufValueType.Bool:
      if (typeof value !== 'boolean') {
        throw new InvalidGgufInputError(`metadata ${key}`, `${String(value)} is not a boolean`);
      }
      return out.bool(value);
    case GgufValueType.String:
      if (typeof value !== 'string') {
        throw new InvalidGgufInputError(`metadata ${key}`, `${String(value)} is not a string`);
      }
      return out.string(value);
    case GgufValueType.Array:
      return writeArrayBody(out, value as GgufArrayValue, key);
  }
}

/** An array's body: item type, uint64 count, items. */
function writeArrayBody(out: ByteWriter, array: GgufArrayValue, key: string): void {
  if (
    array === null ||
    typeof array !== 'object' ||
    !Array.isArray(array.value) ||
    !isGgufValueType(array.itemType)
  ) {
    throw new InvalidGgufInputError(`metadata ${key}`, 'an array item is not an array value');
  }
  out.u32(array.itemType);
  out.u64(array.value.length);
  for (const item of array.value) writeItem(out, array.itemType, item, key);
}

/** A metadata value: uint32 type tag, then the value. */
export function writeGgufValue(out: ByteWriter, value: GgufValue, key: string): void {
  if (!isGgufValueType(value.type)) {
    throw new InvalidGgufInputError(`metadata ${key}`, `unknown value type ${String(value.type)}`);
  }
  out.u32(value.type);
  if (value.type === GgufValueType.Array) writeArrayBody(out, value, key);
  else writeItem(out, value.type, value.value, key);
}
