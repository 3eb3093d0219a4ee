/** The four bytes every GGUF file starts with: "GGUF" in ASCII. */
export const GGUF_MAGIC = 'GGUF';

/** The version this package writes. Version 2 has the same layout and is read too. */
export const GGUF_VERSION = 3;

/** Versions the reader understands (v1 used 32-bit counts and is long obsolete). */
export const SUPPORTED_GGUF_VERSIONS: readonly number[] = [2, 3];

/** Tensor data alignment when `general.alignment` is absent (the GGUF specification's default). */
export const DEFAULT_GGUF_ALIGNMENT = 32;

/** The metadata key that overrides the alignment. */
export const GGUF_ALIGNMENT_KEY = 'general.alignment';

/** GGUF metadata value types, with the numbers the file format uses. */
export const GgufValueType = {
  Uint8: 0,
  Int8: 1,
  Uint16: 2,
  Int16: 3,
  Uint32: 4,
  Int32: 5,
  Float32: 6,
  Bool: 7,
  String: 8,
  Array: 9,
  Uint64: 10,
  Int64: 11,
  Float64: 12,
} as const;

export type GgufValueType = (typeof GgufValueType)[keyof typeof GgufValueType];

/** Value types stored as a JS number. */
export type GgufNumberType =
  | typeof GgufValueType.Uint8
  | typeof GgufValueType.Int8
  | typeof GgufValueType.Uint16
  | typeof GgufValueType.Int16
  | typeof GgufValueType.Uint32
  | typeof GgufValueType.Int32
  | typeof GgufValueType.Float32
  | typeof GgufValueType.Float64;

/** 64-bit integer value types, stored as bigint so no value loses precision. */
export type GgufBigIntType = typeof GgufValueType.Uint64 | typeof GgufValueType.Int64;

export function isGgufValueType(value: number): value is GgufValueType {
  return Number.isInteger(value) && value >= 0 && value <= 12;
}
