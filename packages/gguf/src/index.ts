// Format
export {
  DEFAULT_GGUF_ALIGNMENT,
  GGUF_ALIGNMENT_KEY,
  GGUF_MAGIC,
  GGUF_VERSION,
  SUPPORTED_GGUF_VERSIONS,
  GgufValueType,
  type GgufBigIntType,
  type GgufNumberType,
} from './format/ggufConstants.js';
export {
  GgmlType,
  ggmlTensorByteSize,
  ggmlTypeTraits,
  isKnownGgmlType,
  type GgmlTypeName,
  type GgmlTypeTraits,
} from './format/ggmlTypes.js';
export type { GgufTensorInfo, GgufTensorSource, GgufTensorSpec } from './format/ggufTensor.js';
export {
  gguf,
  plainGgufValue,
  type GgufArrayValue,
  type GgufMetadata,
  type GgufPlainValue,
  type GgufScalarValue,
  type GgufValue,
} from './format/ggufValue.js';

// Errors
export { GOOD_MODEL_HINT } from './errors/goodModelHint.js';
export { GgufSizeMismatchError } from './errors/GgufSizeMismatchError.js';
export { InvalidGgufInputError } from './errors/InvalidGgufInputError.js';
export { InvalidGgufMagicError } from './errors/InvalidGgufMagicError.js';
export { MalformedGgufError } from './errors/MalformedGgufError.js';
export { TruncatedGgufError } from './errors/TruncatedGgufError.js';
export { UnsupportedGgufVersionError } from './errors/UnsupportedGgufVersionError.js';

// Reading and writing
export { readGgufFile, type GgufFileInfo } from './reader/readGgufFile.js';
export { GgufHeaderParser, type ParsedGgufHeader } from './reader/parseGgufHeader.js';
export {
  alignUp,
  encodeGgufHeader,
  type EncodedGgufHeader,
  type GgufHeaderInput,
} from './writer/encodeGgufHeader.js';
export {
  writeGgufFile,
  type GgufWriteInput,
  type GgufWriteResult,
} from './writer/writeGgufFile.js';

// Tensor encodings
export { f16BitsToF32, f32ToF16Bits } from './tensors/float16.js';
export { decodeF32, encodeF32 } from './tensors/encodeF32.js';
export { decodeF16, encodeF16 } from './tensors/encodeF16.js';
export { Q8_0_BLOCK_BYTES, decodeQ8_0, encodeQ8_0 } from './tensors/encodeQ8_0.js';
export { Q4_0_BLOCK_BYTES, decodeQ4_0, encodeQ4_0 } from './tensors/encodeQ4_0.js';
export { QUANT_BLOCK_SIZE } from './tensors/blockCount.js';
export {
  TENSOR_ENCODINGS,
  decodeTensor,
  encodeTensor,
  ggmlTypeOf,
  type TensorEncoding,
} from './tensors/encodeTensor.js';

// Model generators
export {
  makeTestModel,
  testModelVocabulary,
  type MakeTestModelOptions,
  type TestModelQuantization,
} from './models/makeTestModel.js';
export { makeShapeModel, type MakeShapeModelOptions } from './models/makeShapeModel.js';
export {
  MODEL_SHAPE_NAMES,
  SHAPE_SPECS,
  type ModelShapeName,
  type ShapeSpec,
} from './models/shapeSpecs.js';
export {
  TINY_LLAMA_SPEC,
  headDimension,
  type TransformerArchitecture,
  type TransformerSpec,
} from './models/modelSpec.js';
export { transformerTensorPlan, type PlannedTensor, type TensorRole } from './models/tensorPlan.js';
export {
  quantizedFrom,
  writeTransformerModel,
  type TensorDataSource,
} from './models/writeTransformerModel.js';
export { randomQuantizedWeights } from './models/randomQuantizedWeights.js';
export { initialWeights } from './models/initialWeights.js';
export {
  SpmVocabulary,
  TokenType,
  WORD_BOUNDARY,
  type SpmVocabularyOptions,
} from './models/SpmVocabulary.js';
export { CHATML_SPECIAL_TOKENS, CHATML_TEMPLATE } from './models/chatTemplates.js';
export { ENGLISH_WORDS } from './models/englishWords.js';
export { SeededRandom } from './models/SeededRandom.js';
