import { GgmlType } from '../format/ggmlTypes.js';
import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { decodeF16, encodeF16 } from './encodeF16.js';
import { decodeF32, encodeF32 } from './encodeF32.js';
import { decodeQ4_0, encodeQ4_0 } from './encodeQ4_0.js';
import { decodeQ8_0, encodeQ8_0 } from './encodeQ8_0.js';

/** The ggml types this package can encode from float32 values. */
export type TensorEncoding = 'F32' | 'F16' | 'Q8_0' | 'Q4_0';

export const TENSOR_ENCODINGS: readonly TensorEncoding[] = ['F32', 'F16', 'Q8_0', 'Q4_0'];

const codecs: Record<
  TensorEncoding,
  { encode: (v: Float32Array) => Uint8Array; decode: (d: Uint8Array) => Float32Array }
> = {
  F32: { encode: encodeF32, decode: decodeF32 },
  F16: { encode: encodeF16, decode: decodeF16 },
  Q8_0: { encode: encodeQ8_0, decode: decodeQ8_0 },
  Q4_0: { encode: encodeQ4_0, decode: decodeQ4_0 },
};

export function ggmlTypeOf(encoding: TensorEncoding): GgmlType {
  return GgmlType[encoding];
}

export function encodeTensor(encoding: TensorEncoding, values: Float32Array): Uint8Array {
  const codec = codecs[encoding];
  if (codec === undefined)
    throw new InvalidGgufInputError('tensor data', `cannot encode ${String(encoding)}`);
  return codec.encode(values);
}

export function decodeTensor(encoding: TensorEncoding, data: Uint8Array): Float32Array {
  const codec = codecs[encoding];
  if (codec === undefined)
    throw new InvalidGgufInputError('tensor data', `cannot decode ${String(encoding)}`);
  return codec.decode(data);
}
