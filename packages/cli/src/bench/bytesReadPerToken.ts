import type { GgufTensorInfo } from '@hearth/gguf';

/**
 * Bytes decoding one token reads from memory: every weight matrix once, but of the token
 * embedding only the one row being looked up, unless the output projection reuses it (tied,
 * no `output.weight`: Qwen2.5 small models), when the whole matrix is read for the logits.
 * Untied models (phi-3) read `output.weight` in full instead, which is already in the sum.
 */
export function bytesReadPerToken(tensors: readonly GgufTensorInfo[]): number {
  const tied = !tensors.some((tensor) => tensor.name === 'output.weight');
  return tensors.reduce((sum, tensor) => {
    if (tensor.name !== 'token_embd.weight' || tied) return sum + tensor.byteSize;
    // dims are [n_embd, n_vocab] (ggml order): one row of n_vocab rows.
    const rows = tensor.dims[tensor.dims.length - 1] ?? 1;
    return sum + tensor.byteSize / rows;
  }, 0);
}
