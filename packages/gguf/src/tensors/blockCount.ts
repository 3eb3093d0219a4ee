import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';

/** ggml's Q4_0 and Q8_0 quantize 32 elements per block. */
export const QUANT_BLOCK_SIZE = 32;

export function blockCount(valueCount: number, typeName: string): number {
  if (valueCount % QUANT_BLOCK_SIZE !== 0) {
    throw new InvalidGgufInputError(
      `${typeName} tensor data`,
      `${valueCount} values is not a whole number of ${QUANT_BLOCK_SIZE}-value blocks`,
    );
  }
  return valueCount / QUANT_BLOCK_SIZE;
}
