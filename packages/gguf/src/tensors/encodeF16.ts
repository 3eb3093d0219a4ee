import { f16BitsToF32, f32ToF16Bits } from './float16.js';

/** F16 tensor data: little-endian binary16 per element. */
export function encodeF16(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++)
    view.setUint16(i * 2, f32ToF16Bits(values[i] as number), true);
  return out;
}

export function decodeF16(data: Uint8Array): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float32Array(data.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = f16BitsToF32(view.getUint16(i * 2, true));
  return out;
}
