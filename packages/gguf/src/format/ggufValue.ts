import { GgufValueType, type GgufBigIntType, type GgufNumberType } from './ggufConstants.js';

/**
 * A metadata value with its GGUF type. The type travels with the value because a JS number
 * cannot say whether it is a uint32 or a float32, and llama.cpp rejects a key of the wrong type.
 */
export type GgufScalarValue =
  | { readonly type: GgufNumberType; readonly value: number }
  | { readonly type: GgufBigIntType; readonly value: bigint }
  | { readonly type: typeof GgufValueType.Bool; readonly value: boolean }
  | { readonly type: typeof GgufValueType.String; readonly value: string };

export type GgufArrayValue =
  | {
      readonly type: typeof GgufValueType.Array;
      readonly itemType: GgufNumberType;
      readonly value: readonly number[];
    }
  | {
      readonly type: typeof GgufValueType.Array;
      readonly itemType: GgufBigIntType;
      readonly value: readonly bigint[];
    }
  | {
      readonly type: typeof GgufValueType.Array;
      readonly itemType: typeof GgufValueType.Bool;
      readonly value: readonly boolean[];
    }
  | {
      readonly type: typeof GgufValueType.Array;
      readonly itemType: typeof GgufValueType.String;
      readonly value: readonly string[];
    }
  | {
      readonly type: typeof GgufValueType.Array;
      readonly itemType: typeof GgufValueType.Array;
      readonly value: readonly GgufArrayValue[];
    };

export type GgufValue = GgufScalarValue | GgufArrayValue;

/** Metadata in file order (string keys keep insertion order in JS objects). */
export type GgufMetadata = Record<string, GgufValue>;

/** A metadata value without its type tag, for display and simple lookups. */
export type GgufPlainValue = number | bigint | boolean | string | readonly GgufPlainValue[];

export function plainGgufValue(value: GgufValue): GgufPlainValue {
  if (value.type === GgufValueType.Array && value.itemType === GgufValueType.Array) {
    return value.value.map(plainGgufValue);
  }
  return value.value;
}

/** Constructors that keep metadata literals short and correctly typed. */
export const gguf = {
  u8: (value: number): GgufScalarValue => ({ type: GgufValueType.Uint8, value }),
  i8: (value: number): GgufScalarValue => ({ type: GgufValueType.Int8, value }),
  u16: (value: number): GgufScalarValue => ({ type: GgufValueType.Uint16, value }),
  i16: (value: number): GgufScalarValue => ({ type: GgufValueType.Int16, value }),
  u32: (value: number): GgufScalarValue => ({ type: GgufValueType.Uint32, value }),
  i32: (value: number): GgufScalarValue => ({ type: GgufValueType.Int32, value }),
  f32: (value: number): GgufScalarValue => ({ type: GgufValueType.Float32, value }),
  f64: (value: number): GgufScalarValue => ({ type: GgufValueType.Float64, value }),
  u64: (value: bigint | number): GgufScalarValue => ({
    type: GgufValueType.Uint64,
    value: BigInt(value),
  }),
  i64: (value: bigint | number): GgufScalarValue => ({
    type: GgufValueType.Int64,
    value: BigInt(value),
  }),
  bool: (value: boolean): GgufScalarValue => ({ type: GgufValueType.Bool, value }),
  str: (value: string): GgufScalarValue => ({ type: GgufValueType.String, value }),
  strings: (value: readonly string[]): GgufArrayValue => ({
    type: GgufValueType.Array,
    itemType: GgufValueType.String,
    value,
  }),
  numbers: (itemType: GgufNumberType, value: readonly number[]): GgufArrayValue => ({
    type: GgufValueType.Array,
    itemType,
    value,
  }),
  bigints: (itemType: GgufBigIntType, value: readonly bigint[]): GgufArrayValue => ({
    type: GgufValueType.Array,
    itemType,
    value,
  }),
  bools: (value: readonly boolean[]): GgufArrayValue => ({
    type: GgufValueType.Array,
    itemType: GgufValueType.Bool,
    value,
  }),
  arrays: (value: readonly GgufArrayValue[]): GgufArrayValue => ({
    type: GgufValueType.Array,
    itemType: GgufValueType.Array,
    value,
  }),
};
