import {
  GgmlType,
  SeededRandom,
  TINY_LLAMA_SPEC,
  encodeF32,
  gguf,
  writeGgufFile,
} from '@hearth/gguf';

/**
 * Writes a LoRA adapter for the tiny test model, as llama.cpp's convert_lora_to_gguf.py lays it
 * out: for each block's attn_q (64 x 64), lora_a with dims [n_embd, rank] and lora_b with dims
 * [rank, n_out], F32, with random weights big enough to change what the model says.
 */
export async function writeTestLora(
  path: string,
  options: { rank?: number; seed?: number; architecture?: string; inputs?: number } = {},
): Promise<void> {
  const rank = options.rank ?? 4;
  const inputs = options.inputs ?? TINY_LLAMA_SPEC.embeddingLength;
  const random = new SeededRandom(options.seed ?? 9);
  const weights = (count: number): Uint8Array => {
    const values = new Float32Array(count);
    for (let i = 0; i < count; i += 1) values[i] = (random.next() - 0.5) * 2;
    return encodeF32(values);
  };
  const n = TINY_LLAMA_SPEC.embeddingLength;
  const tensors = Array.from({ length: TINY_LLAMA_SPEC.blockCount }, (_, block) => [
    {
      name: `blk.${block}.attn_q.weight.lora_a`,
      dims: [inputs, rank],
      type: GgmlType.F32,
      data: () => weights(inputs * rank),
    },
    {
      name: `blk.${block}.attn_q.weight.lora_b`,
      dims: [rank, n],
      type: GgmlType.F32,
      data: () => weights(rank * n),
    },
  ]).flat();
  await writeGgufFile(path, {
    metadata: {
      'general.architecture': gguf.str(options.architecture ?? 'llama'),
      'general.type': gguf.str('adapter'),
      'general.name': gguf.str('Hearth tiny test LoRA'),
      'adapter.type': gguf.str('lora'),
      'adapter.lora.alpha': gguf.f32(rank * 4),
    },
    tensors,
  });
}
