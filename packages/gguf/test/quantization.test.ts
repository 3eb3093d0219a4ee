import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  InvalidGgufInputError,
  Q4_0_BLOCK_BYTES,
  Q8_0_BLOCK_BYTES,
  SeededRandom,
  decodeF16,
  decodeF32,
  decodeQ4_0,
  decodeQ8_0,
  encodeF16,
  encodeF32,
  encodeQ4_0,
  encodeQ8_0,
  f16BitsToF32,
  f32ToF16Bits,
} from '../src/index.js';

function maxAbs(values: Float32Array, from: number, to: number): number {
  let max = 0;
  for (let i = from; i < to; i++) max = Math.max(max, Math.abs(values[i] as number));
  return max;
}

/** Checks every element is within `bound(amax of its block)` of its decoded value. */
function expectWithinBlockError(
  original: Float32Array,
  decoded: Float32Array,
  bound: (amax: number) => number,
): void {
  expect(decoded.length).toBe(original.length);
  for (let block = 0; block < original.length / 32; block++) {
    const limit = bound(maxAbs(original, block * 32, block * 32 + 32));
    for (let i = block * 32; i < block * 32 + 32; i++) {
      expect(Math.abs((decoded[i] as number) - (original[i] as number))).toBeLessThanOrEqual(limit);
    }
  }
}

const randomValues = (count: number, seed: number, amplitude = 1): Float32Array =>
  new SeededRandom(seed).fillUniform(count, amplitude);

describe('F32 and F16', () => {
  it('F32 round-trips exactly', () => {
    const values = randomValues(100, 1);
    expect(encodeF32(values).byteLength).toBe(400);
    expect(decodeF32(encodeF32(values))).toEqual(values);
  });

  it('F16 round-trips within half precision', () => {
    const values = randomValues(256, 2, 10);
    const decoded = decodeF16(encodeF16(values));
    values.forEach((v, i) =>
      expect(Math.abs((decoded[i] as number) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11),
    );
  });
});

describe('Q8_0', () => {
  it('lays out a known block as llama.cpp does: f16 scale, then 32 int8', () => {
    const values = new Float32Array(32);
    values[0] = -127; // amax 127 gives d = 1, so each quant is round(x)
    values[1] = 1.5;
    values[2] = -1.5; // C's roundf rounds halves away from zero: -2, where Math.round gives -1
    values[3] = 2.5;
    values[4] = 0.4;
    values[31] = 100;
    const bytes = encodeQ8_0(values);
    expect(bytes.byteLength).toBe(Q8_0_BLOCK_BYTES);
    const expected = new Uint8Array(34);
    expected.set([0x00, 0x3c]); // f16 1.0, little-endian
    expected.set([0x81, 2, 0xfe, 3, 0], 2);
    expected[33] = 100;
    expect(Array.from(bytes)).toEqual(Array.from(expected));
  });

  it('encodes an all-zero block with a zero scale', () => {
    expect(Array.from(encodeQ8_0(new Float32Array(32)))).toEqual(new Array<number>(34).fill(0));
  });

  it('decodes back within quantization error', () => {
    const values = randomValues(32 * 64, 3);
    const decoded = decodeQ8_0(encodeQ8_0(values));
    // Half a step (amax / 254) plus the f16 rounding of the scale, applied to up to 127 steps.
    expectWithinBlockError(values, decoded, (amax) => amax / 254 + amax * 2 ** -11 + 1e-7);
  });

  it('holds the error bound for any block (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({
          minLength: 32,
          maxLength: 32,
          noNaN: true,
          noDefaultInfinity: true,
          min: -1000,
          max: 1000,
        }),
        (values) => {
          expectWithinBlockError(
            values,
            decodeQ8_0(encodeQ8_0(values)),
            (amax) => amax / 254 + amax * 2 ** -11 + 1e-6,
          );
        },
      ),
    );
  });

  it('rejects data that is not whole blocks', () => {
    expect(() => encodeQ8_0(new Float32Array(33))).toThrow(InvalidGgufInputError);
  });
});

describe('Q4_0', () => {
  it('lays out a known block as llama.cpp does: low nibbles 0..15, high nibbles 16..31', () => {
    const values = new Float32Array(32);
    values[0] = -8; // the largest magnitude: d = -8 / -8 = 1, so q = min(15, trunc(x + 8.5))
    values[1] = 7;
    values[3] = -0.4;
    values[4] = 0.6;
    values[16] = 1;
    values[17] = -1;
    const bytes = encodeQ4_0(values);
    expect(bytes.byteLength).toBe(Q4_0_BLOCK_BYTES);
    const expected = new Uint8Array(18).fill(0x88); // zero encodes as q = 8 in both nibbles
    expected.set([0x00, 0x3c]); // f16 1.0
    expected[2] = 0x0 | (9 << 4); // element 0 -> 0, element 16 -> 9
    expected[3] = 0xf | (7 << 4); // element 1 -> 15, element 17 -> 7
    expected[5] = 0x8 | (8 << 4); // -0.4 -> trunc(8.1) = 8
    expected[6] = 0x9 | (8 << 4); // 0.6 -> trunc(9.1) = 9
    expect(Array.from(bytes)).toEqual(Array.from(expected));
    expect(Array.from(decodeQ4_0(bytes).subarray(0, 5))).toEqual([-8, 7, 0, 0, 1]);
  });

  it('takes the sign of the scale from the value of largest magnitude', () => {
    const values = new Float32Array(32);
    values[0] = 16; // d = 16 / -8 = -2
    const bytes = encodeQ4_0(values);
    expect(f16BitsToF32((bytes[0] as number) | ((bytes[1] as number) << 8))).toBe(-2);
    expect(decodeQ4_0(bytes)[0]).toBe(16);
    expect(f32ToF16Bits(-2)).toBe(0xc000);
  });

  it('decodes back within quantization error', () => {
    const values = randomValues(32 * 64, 4);
    const decoded = decodeQ4_0(encodeQ4_0(values));
    // One step |d| = amax / 8 at worst (the clamped end), plus the f16 rounding of the scale.
    expectWithinBlockError(values, decoded, (amax) => amax / 8 + amax * 2 ** -10 + 1e-7);
  });

  it('holds the error bound for any block (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({
          minLength: 32,
          maxLength: 32,
          noNaN: true,
          noDefaultInfinity: true,
          min: -1000,
          max: 1000,
        }),
        (values) => {
          expectWithinBlockError(
            values,
            decodeQ4_0(encodeQ4_0(values)),
            (amax) => amax / 8 + amax * 2 ** -10 + 1e-6,
          );
        },
      ),
    );
  });
});
