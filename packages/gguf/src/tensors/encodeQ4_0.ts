import { QUANT_BLOCK_SIZE, blockCount } from './blockCount.js';
import { f16BitsToF32, f32ToF16Bits } from './float16.js';

/** Bytes per Q4_0 block: an f16 scale then 16 bytes holding 32 four-bit quants. */
export const Q4_0_BLOCK_BYTES = 2 + QUANT_BLOCK_SIZE / 2;
const HALF = QUANT_BLOCK_SIZE / 2;

/**
 * Q4_0 as llama.cpp's quantize_row_q4_0_ref: d = (the value of largest magnitude) / -8, and
 * q = min(15, trunc(x / d + 8.5)), so x ≈ (q - 8) * d. Byte j holds element j in its low nibble
 * and element j + 16 in its high nibble.
 */
export function encodeQ4_0(values: Float32Array): Uint8Array {
  const blocks = blockCount(values.length, 'Q4_0');
  const out = new Uint8Array(blocks * Q4_0_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    const base = b * QUANT_BLOCK_SIZE;
    let amax = 0;
    let max = 0;
    for (let j = 0; j < QUANT_BLOCK_SIZE; j++) {
      const v = values[base + j] as number;
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    const d = Math.fround(max / -8);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const at = b * Q4_0_BLOCK_BYTES;
    view.setUint16(at, f32ToF16Bits(d), true);
    for (let j = 0; j < HALF; j++) {
      const x0 = Math.fround((values[base + j] as number) * id);
      const x1 = Math.fround((values[base + HALF + j] as number) * id);
      const q0 = Math.min(15, Math.trunc(Math.fround(x0 + 8.5)));
      const q1 = Math.min(15, Math.trunc(Math.fround(x1 + 8.5)));
      out[at + 2 + j] = q0 | (q1 << 4);
    }
  }
  return out;
}

export function decodeQ4_0(data: Uint8Array): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const blocks = data.byteLength / Q4_0_BLOCK_BYTES;
  const out = new Float32Array(blocks * QUANT_BLOCK_SIZE);
  for (let b = 0; b < blocks; b++) {
    const at = b * Q4_0_BLOCK_BYTES;
    const d = f16BitsToF32(view.getUint16(at, true));
    for (let j = 0; j < HALF; j++) {
      const byte = data[at + 2 + j] as number;
      out[b * QUANT_BLOCK_SIZE + j] = ((byte & 0x0f) - 8) * d;
      out[b * QUANT_BLOCK_SIZE + HALF + j] = ((byte >> 4) - 8) * d;
    }
  }
  return out;
}
