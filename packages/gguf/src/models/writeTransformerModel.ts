import { GgmlType } from '../format/ggmlTypes.js';
import type { GgufTensorSource } from '../format/ggufTensor.js';
import { encodeTensor, ggmlTypeOf, type TensorEncoding } from '../tensors/encodeTensor.js';
import { writeGgufFile } from '../writer/writeGgufFile.js';
import { CHATML_SPECIAL_TOKENS, CHATML_TEMPLATE } from './chatTemplates.js';
import { architectureMetadata, spmTokenizerMetadata } from './modelMetadata.js';
import type { TransformerSpec } from './modelSpec.js';
import type { SpmVocabulary } from './SpmVocabulary.js';
import { transformerTensorPlan, type PlannedTensor } from './tensorPlan.js';

/** Produces one tensor's data in `encoding`; called once per tensor, as the writer reaches it. */
export type TensorDataSource = (tensor: PlannedTensor, encoding: TensorEncoding) => Uint8Array;

/** Encodes float32 weights from `weights`: exact llama.cpp quantization, for small models. */
export function quantizedFrom(weights: (tensor: PlannedTensor) => Float32Array): TensorDataSource {
  return (tensor, encoding) => encodeTensor(encoding, weights(tensor));
}

function tensorEncoding(tensor: PlannedTensor, quantization: TensorEncoding): TensorEncoding {
  // Norm scales and biases are tiny and precision-critical: llama.cpp keeps them F32 in every
  // file type.
  return tensor.role === 'norm' || tensor.role === 'bias' ? 'F32' : quantization;
}

/**
 * Writes a model of `spec`'s architecture with a SentencePiece vocabulary and a chat template
 * (ChatML unless given; null writes none), pulling each tensor's data from `data` one at a time.
 */
export async function writeTransformerModel(
  outPath: string,
  spec: TransformerSpec,
  vocab: SpmVocabulary,
  quantization: TensorEncoding,
  data: TensorDataSource,
  chatTemplate: string | null = CHATML_TEMPLATE,
): Promise<void> {
  const tensors: GgufTensorSource[] = transformerTensorPlan(spec, vocab.size).map((tensor) => {
    const encoding = tensorEncoding(tensor, quantization);
    return {
      name: tensor.name,
      dims: tensor.dims,
      type: encoding === 'F32' ? GgmlType.F32 : ggmlTypeOf(encoding),
      data: () => data(tensor, encoding),
    };
  });
  await writeGgufFile(outPath, {
    metadata: {
      ...architectureMetadata(spec, vocab.size, quantization),
      ...spmTokenizerMetadata(vocab, {
        chatTemplate,
        endOfTurnId: vocab.idOf(CHATML_SPECIAL_TOKENS.end),
      }),
    },
    tensors,
  });
}
