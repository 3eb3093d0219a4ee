import { GgufValueType } from '../format/ggufConstants.js';
import { gguf, type GgufMetadata } from '../format/ggufValue.js';
import type { TensorEncoding } from '../tensors/encodeTensor.js';
import { headDimension, type TransformerSpec } from './modelSpec.js';
import type { SpmVocabulary } from './SpmVocabulary.js';

/** llama.cpp's `llama_ftype`: the file's predominant tensor type, shown by tools and loaders. */
const FILE_TYPES: Record<TensorEncoding, number> = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 7 };

export function architectureMetadata(
  spec: TransformerSpec,
  vocabSize: number,
  encoding: TensorEncoding,
): GgufMetadata {
  const arch = spec.architecture;
  return {
    'general.architecture': gguf.str(arch),
    'general.name': gguf.str(spec.name),
    'general.file_type': gguf.u32(FILE_TYPES[encoding]),
    'general.quantization_version': gguf.u32(2),
    [`${arch}.context_length`]: gguf.u32(spec.contextLength),
    [`${arch}.embedding_length`]: gguf.u32(spec.embeddingLength),
    [`${arch}.block_count`]: gguf.u32(spec.blockCount),
    [`${arch}.feed_forward_length`]: gguf.u32(spec.feedForwardLength),
    [`${arch}.attention.head_count`]: gguf.u32(spec.headCount),
    [`${arch}.attention.head_count_kv`]: gguf.u32(spec.headCountKv),
    [`${arch}.rope.dimension_count`]: gguf.u32(headDimension(spec)),
    [`${arch}.rope.freq_base`]: gguf.f32(spec.ropeFreqBase),
    [`${arch}.attention.layer_norm_rms_epsilon`]: gguf.f32(spec.rmsEpsilon),
    [`${arch}.vocab_size`]: gguf.u32(vocabSize),
  };
}

export interface TokenizerMetadataOptions {
  /** The Jinja chat template; null leaves `tokenizer.chat_template` out, as older GGUFs do. */
  readonly chatTemplate: string | null;
  /** A token that ends a chat turn (e.g. `<|im_end|>`), declared as end-of-turn for llama.cpp. */
  readonly endOfTurnId?: number;
}

/** The `tokenizer.*` keys llama.cpp reads for a SentencePiece ("llama") vocabulary. */
export function spmTokenizerMetadata(
  vocab: SpmVocabulary,
  options: TokenizerMetadataOptions,
): GgufMetadata {
  const metadata: GgufMetadata = {
    'tokenizer.ggml.model': gguf.str('llama'),
    'tokenizer.ggml.tokens': gguf.strings(vocab.tokens),
    'tokenizer.ggml.scores': gguf.numbers(GgufValueType.Float32, vocab.scores),
    'tokenizer.ggml.token_type': gguf.numbers(GgufValueType.Int32, vocab.types),
    'tokenizer.ggml.bos_token_id': gguf.u32(vocab.bosId),
    'tokenizer.ggml.eos_token_id': gguf.u32(vocab.eosId),
    'tokenizer.ggml.unknown_token_id': gguf.u32(vocab.unknownId),
    'tokenizer.ggml.padding_token_id': gguf.u32(vocab.unknownId),
    'tokenizer.ggml.add_bos_token': gguf.bool(true),
    'tokenizer.ggml.add_eos_token': gguf.bool(false),
  };
  if (options.chatTemplate !== null)
    metadata['tokenizer.chat_template'] = gguf.str(options.chatTemplate);
  if (options.endOfTurnId !== undefined)
    metadata['tokenizer.ggml.eot_token_id'] = gguf.u32(options.endOfTurnId);
  return metadata;
}
