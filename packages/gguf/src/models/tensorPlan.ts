import { headDimension, type TransformerSpec } from './modelSpec.js';

/** What a tensor is for decides how it is initialized and whether it may be quantized. */
export type TensorRole = 'embedding' | 'norm' | 'bias' | 'matrix' | 'output';

export interface PlannedTensor {
  readonly name: string;
  /** ne0 first (the row length, i.e. the input dimension of a matrix), as in GGUF. */
  readonly dims: readonly number[];
  readonly role: TensorRole;
}

/**
 * The tensors llama.cpp loads for `spec.architecture`, with their shapes:
 * - llama: separate q/k/v, SwiGLU feed-forward (gate, up, down);
 * - qwen2: as llama, plus q/k/v biases;
 * - phi3: fused `attn_qkv`, and `ffn_up` holding gate and up together (twice the width).
 */
export function transformerTensorPlan(spec: TransformerSpec, vocabSize: number): PlannedTensor[] {
  const embd = spec.embeddingLength;
  const ff = spec.feedForwardLength;
  const qWidth = headDimension(spec) * spec.headCount;
  const kvWidth = headDimension(spec) * spec.headCountKv;
  const plan: PlannedTensor[] = [
    { name: 'token_embd.weight', dims: [embd, vocabSize], role: 'embedding' },
  ];
  for (let layer = 0; layer < spec.blockCount; layer++) {
    const blk = `blk.${layer}`;
    plan.push({ name: `${blk}.attn_norm.weight`, dims: [embd], role: 'norm' });
    if (spec.architecture === 'phi3') {
      plan.push({
        name: `${blk}.attn_qkv.weight`,
        dims: [embd, qWidth + 2 * kvWidth],
        role: 'matrix',
      });
    } else {
      plan.push(
        { name: `${blk}.attn_q.weight`, dims: [embd, qWidth], role: 'matrix' },
        { name: `${blk}.attn_k.weight`, dims: [embd, kvWidth], role: 'matrix' },
        { name: `${blk}.attn_v.weight`, dims: [embd, kvWidth], role: 'matrix' },
      );
      if (spec.architecture === 'qwen2') {
        plan.push(
          { name: `${blk}.attn_q.bias`, dims: [qWidth], role: 'bias' },
          { name: `${blk}.attn_k.bias`, dims: [kvWidth], role: 'bias' },
          { name: `${blk}.attn_v.bias`, dims: [kvWidth], role: 'bias' },
        );
      }
    }
    plan.push(
      { name: `${blk}.attn_output.weight`, dims: [qWidth, embd], role: 'matrix' },
      { name: `${blk}.ffn_norm.weight`, dims: [embd], role: 'norm' },
    );
    if (spec.architecture === 'phi3') {
      plan.push({ name: `${blk}.ffn_up.weight`, dims: [embd, 2 * ff], role: 'matrix' });
    } else {
      plan.push(
        { name: `${blk}.ffn_gate.weight`, dims: [embd, ff], role: 'matrix' },
        { name: `${blk}.ffn_up.weight`, dims: [embd, ff], role: 'matrix' },
      );
    }
    plan.push({ name: `${blk}.ffn_down.weight`, dims: [ff, embd], role: 'matrix' });
  }
  plan.push({ name: 'output_norm.weight', dims: [embd], role: 'norm' });
  if (spec.tiedEmbeddings !== true)
    plan.push({ name: 'output.weight', dims: [embd, vocabSize], role: 'output' });
  return plan;
}
