import { describe, expect, it } from '@jest/globals';
import {
  MODEL_SHAPE_NAMES,
  Q4_0_BLOCK_BYTES,
  SHAPE_SPECS,
  SeededRandom,
  decodeQ4_0,
  ggmlTensorByteSize,
  GgmlType,
  randomQuantizedWeights,
  transformerTensorPlan,
  type ModelShapeName,
} from '../src/index.js';

/** Parameter counts the model cards publish; the plans must reproduce them exactly. */
const PUBLISHED_PARAMETERS: Record<ModelShapeName, number> = {
  'qwen2.5-0.5b': 494_032_768,
  'qwen2.5-1.5b': 1_543_714_304,
  'phi-3-mini': 3_821_079_552,
};

describe('shape model plans', () => {
  it.each(MODEL_SHAPE_NAMES)('%s has the real parameter count and quantizable rows', (shape) => {
    const spec = SHAPE_SPECS[shape];
    const plan = transformerTensorPlan(spec, spec.vocabSize);
    const parameters = plan.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0);
    expect(parameters).toBe(PUBLISHED_PARAMETERS[shape]);
    for (const tensor of plan.filter((t) => t.role !== 'norm' && t.role !== 'bias')) {
      expect(typeof ggmlTensorByteSize(GgmlType.Q4_0, tensor.dims)).toBe('number');
    }
  });

  it('lays out each architecture as llama.cpp names it', () => {
    const names = (shape: ModelShapeName) =>
      transformerTensorPlan(SHAPE_SPECS[shape], SHAPE_SPECS[shape].vocabSize).map((t) => t.name);
    expect(names('qwen2.5-0.5b')).toContain('blk.0.attn_q.bias');
    expect(names('qwen2.5-0.5b')).not.toContain('output.weight');
    expect(names('phi-3-mini')).toContain('blk.31.attn_qkv.weight');
    expect(names('phi-3-mini')).not.toContain('blk.0.ffn_gate.weight');
    const phi = SHAPE_SPECS['phi-3-mini'];
    const up = transformerTensorPlan(phi, phi.vocabSize).find(
      (t) => t.name === 'blk.0.ffn_up.weight',
    );
    expect(up?.dims).toEqual([3072, 2 * 8192]);
  });
});

describe('randomQuantizedWeights', () => {
  it('writes valid Q4_0 blocks with one scale, deterministically', () => {
    const a = randomQuantizedWeights('Q4_0', 32 * 100, 0.8, new SeededRandom(5));
    const b = randomQuantizedWeights('Q4_0', 32 * 100, 0.8, new SeededRandom(5));
    expect(a.byteLength).toBe(100 * Q4_0_BLOCK_BYTES);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const values = decodeQ4_0(a);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(0.8 * 1.001);
    expect(new Set(values).size).toBeGreaterThan(8);
  });
});
