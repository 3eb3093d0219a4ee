/** Architectures whose tensor layout this package can write (GGUF `general.architecture`). */
export type TransformerArchitecture = 'llama' | 'qwen2' | 'phi3';

/**
 * The hyper-parameters of a decoder-only transformer, as GGUF's `<arch>.*` metadata states them.
 */
export interface TransformerSpec {
  /** The metadata key prefix and the tensor layout follow it. */
  readonly architecture: TransformerArchitecture;
  readonly name: string;
  readonly embeddingLength: number;
  readonly blockCount: number;
  readonly feedForwardLength: number;
  readonly headCount: number;
  readonly headCountKv: number;
  readonly contextLength: number;
  readonly rmsEpsilon: number;
  readonly ropeFreqBase: number;
  /** No `output.weight`: the output projection reuses `token_embd.weight` (Qwen2.5 small models). */
  readonly tiedEmbeddings?: boolean;
}

/**
 * The tiny test model: small enough to write in milliseconds and run anywhere, shaped like a
 * real llama (grouped-query attention, SwiGLU feed-forward, RoPE), and with every row length a
 * multiple of 32 so each matrix quantizes to Q8_0 and Q4_0.
 */
export const TINY_LLAMA_SPEC: TransformerSpec = {
  architecture: 'llama',
  name: 'Hearth tiny test model',
  embeddingLength: 64,
  blockCount: 2,
  feedForwardLength: 128,
  headCount: 4,
  headCountKv: 2,
  contextLength: 2048,
  rmsEpsilon: 1e-5,
  ropeFreqBase: 10000,
};

export function headDimension(spec: TransformerSpec): number {
  return spec.embeddingLength / spec.headCount;
}
