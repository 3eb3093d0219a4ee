// Bytes read per decoded token: one embedding row when the output matrix is separate (phi-3),
// the whole embedding when the output projection is tied to it (Qwen2.5 small models).
import { describe, expect, it } from '@jest/globals';
import { GgmlType, type GgufTensorInfo } from '@hearth/gguf';
import { bytesReadPerToken } from '../../src/bench/bytesReadPerToken.js';

const vocab = 1000;
const tensor = (name: string, dims: number[], byteSize: number): GgufTensorInfo => ({
  name,
  dims,
  type: GgmlType.Q8_0,
  offset: 0,
  byteSize,
});
const embedding = tensor('token_embd.weight', [64, vocab], 64_000);
const block = tensor('blk.0.attn_q.weight', [64, 64], 4_096);

describe('bytesReadPerToken', () => {
  it('counts the whole embedding when the output projection is tied to it', () => {
    expect(bytesReadPerToken([embedding, block])).toBe(64_000 + 4_096);
  });

  it('counts one embedding row plus the output matrix when untied', () => {
    const output = tensor('output.weight', [64, vocab], 64_000);
    expect(bytesReadPerToken([embedding, block, output])).toBe(64 + 4_096 + 64_000);
  });
});
