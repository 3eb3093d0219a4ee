import type { TransformerSpec } from './modelSpec.js';

export type ModelShapeName = 'qwen2.5-0.5b' | 'qwen2.5-1.5b' | 'phi-3-mini';

export interface ShapeSpec extends TransformerSpec {
  /** The real model's vocabulary size, which sets its embedding and output sizes. */
  readonly vocabSize: number;
  /** The real model's special tokens, added as control tokens (llama.cpp looks some up by name). */
  readonly specialTokens?: readonly string[];
}

/**
 * Real models' shapes, from their published configs (config.json and the GGUF conversions), so
 * a model written with random weights reads the same bytes per token as the real one.
 */
export const SHAPE_SPECS: Readonly<Record<ModelShapeName, ShapeSpec>> = {
  'qwen2.5-0.5b': {
    architecture: 'qwen2',
    name: 'Hearth shape model qwen2.5-0.5b (random weights)',
    embeddingLength: 896,
    blockCount: 24,
    feedForwardLength: 4864,
    headCount: 14,
    headCountKv: 2,
    contextLength: 32768,
    rmsEpsilon: 1e-6,
    ropeFreqBase: 1_000_000,
    tiedEmbeddings: true,
    vocabSize: 151936,
  },
  'qwen2.5-1.5b': {
    architecture: 'qwen2',
    name: 'Hearth shape model qwen2.5-1.5b (random weights)',
    embeddingLength: 1536,
    blockCount: 28,
    feedForwardLength: 8960,
    headCount: 12,
    headCountKv: 2,
    contextLength: 32768,
    rmsEpsilon: 1e-6,
    ropeFreqBase: 1_000_000,
    tiedEmbeddings: true,
    vocabSize: 151936,
  },
  'phi-3-mini': {
    architecture: 'phi3',
    name: 'Hearth shape model phi-3-mini-4k (random weights)',
    embeddingLength: 3072,
    blockCount: 32,
    feedForwardLength: 8192,
    headCount: 32,
    headCountKv: 32,
    contextLength: 4096,
    rmsEpsilon: 1e-5,
    ropeFreqBase: 10000,
    vocabSize: 32064,
    // llama.cpp looks `<|endoftext|>` up when general.name mentions phi-3.
    specialTokens: ['<|endoftext|>', '<|assistant|>', '<|system|>', '<|end|>', '<|user|>'],
  },
};

export const MODEL_SHAPE_NAMES = Object.keys(SHAPE_SPECS) as ModelShapeName[];
