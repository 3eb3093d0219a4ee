import { QUANT_BLOCK_SIZE, blockCount } from './blockCount.js';
import { f16BitsToF32, f32ToF16Bits } from './float16.js';

/** Bytes per Q8_0 block: an f16 scale then 32 int8 quants. */
export const Q8_0_BLOCK_BYTES = 2 + QUANT_BLOCK_SIZE;

/** C's roundf: halves round away from zero (Math.round rounds them up). */
function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * Q8_0 as llama.cpp's quantize_row_q8_0_ref: per block d = max|x| / 127, q = round(x / d).
 * Math.fround keeps the arithmetic in float32, as in C, so bytes match llama.cpp's.
 */
export function encodeQ8_0(values: Float32Array): Uint8Array {
  const blocks = blockCount(values.length, 'Q8_0');
  const out = new Uint8Array(blocks * Q8_0_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    const base = b * QUANT_BLOCK_SIZE;
    let amax = 0;
    for (let j = 0; j < QUANT_BLOCK_SIZE; j++)
      amax = Math.max(amax, Math.abs(values[base + j] as number));
    const d = Math.fround(amax / 127);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const at = b * Q8_0_BLOCK_BYTES;
    view.setUint16(at, f32ToF16Bits(d), true);
    for (let j = 0; j < QUANT_BLOCK_SIZE; j++) {
      view.setInt8(
        at + 2 + j,
        roundHalfAwayFromZero(Math.fround((values[base + j] as number) * id)),
      );
    }
  }
  return out;
}

export function decodeQ8_0(data: Uint8Array): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const blocks = data.byteLength / Q8_0_BLOCK_BYTES;
  const out = new Float32Array(blocks * QUANT_BLOCK_SIZE);
  for (let b = 0; b < blocks; b++) {
    const at = b * Q8_0_BLOCK_BYTES;
    const d = f16BitsToF32(view.getUint16(at, true));
    for (let j = 0; j < QUANT_BLOCK_SIZE; j++)
      out[b * QUANT_BLOCK_SIZE + j] = view.getInt8(at + 2 + j) * d;
  }
  return out;
}
