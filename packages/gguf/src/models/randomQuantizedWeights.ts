import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { QUANT_BLOCK_SIZE } from '../tensors/blockCount.js';
import { f32ToF16Bits } from '../tensors/float16.js';
import { Q4_0_BLOCK_BYTES } from '../tensors/encodeQ4_0.js';
import { Q8_0_BLOCK_BYTES } from '../tensors/encodeQ8_0.js';
import type { TensorEncoding } from '../tensors/encodeTensor.js';
import { encodeF32 } from '../tensors/encodeF32.js';
import type { SeededRandom } from './SeededRandom.js';

/**
 * Random quantized tensor data written straight as blocks: one scale per block and random
 * quants, i.e. weights uniform in about [-amplitude, amplitude]. Skipping the float32 detour
 * is what makes a billion-weight shape model quick to write; the bytes are as valid (and as
 * costly to multiply) as a real model's.
 */
export function randomQuantizedWeights(
  encoding: TensorEncoding,
  count: number,
  amplitude: number,
  random: SeededRandom,
): Uint8Array {
  if (encoding === 'F32') return encodeF32(random.fillUniform(count, amplitude));
  if (encoding !== 'Q4_0' && encoding !== 'Q8_0') {
    throw new InvalidGgufInputError('random weights', `${encoding} is not Q4_0, Q8_0 or F32`);
  }
  const blockBytes = encoding === 'Q4_0' ? Q4_0_BLOCK_BYTES : Q8_0_BLOCK_BYTES;
  const scaleBits = f32ToF16Bits(encoding === 'Q4_0' ? amplitude / 8 : amplitude / 127);
  const blocks = count / QUANT_BLOCK_SIZE;
  const out = new Uint8Array(blocks * blockBytes);
  // Fill everything with random bytes four at a time, then overwrite each block's scale.
  const words = new Uint32Array(out.buffer, 0, Math.floor(out.length / 4));
  for (let i = 0; i < words.length; i++) words[i] = random.next() * 4294967296;
  for (let i = words.length * 4; i < out.length; i++) out[i] = random.next() * 256;
  const low = scaleBits & 0xff;
  const high = scaleBits >>> 8;
  for (let at = 0; at < out.length; at += blockBytes) {
    out[at] = low;
    out[at + 1] = high;
  }
  return out;
}
