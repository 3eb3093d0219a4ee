import { ggmlTypeTraits, plainGgufValue, type GgufFileInfo, type GgufValue } from '@hearth/gguf';
import { llamaFileTypeName } from './llamaFileTypes.js';

/** What `hearth models verify` prints about a GGUF file, read without loading its weights. */
export interface GgufSummary {
  readonly file: string;
  readonly ggufVersion: number;
  readonly architecture: string;
  readonly name: string;
  readonly parameters: number;
  /** The file type llama.cpp would name (`general.file_type`), else the dominant tensor type. */
  readonly quantization: string;
  readonly contextLength: number | undefined;
  readonly layers: number | undefined;
  readonly embeddingLength: number | undefined;
  readonly vocabularySize: number | undefined;
  readonly hasChatTemplate: boolean;
  readonly tensorCount: number;
  /** Bytes of tensor data: what one decoded token reads from memory, roughly. */
  readonly tensorBytes: number;
  readonly fileSize: number;
}

function scalar(value: GgufValue | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  const plain = plainGgufValue(value);
  if (typeof plain === 'bigint') return Number(plain);
  return typeof plain === 'number' || typeof plain === 'string' ? plain : undefined;
}

function numberAt(info: GgufFileInfo, key: string): number | undefined {
  const value = scalar(info.metadata[key]);
  return typeof value === 'number' ? value : undefined;
}

/** The tensor type holding the most bytes: the quantization when `general.file_type` is absent. */
function dominantTensorType(info: GgufFileInfo): string {
  const bytesByType = new Map<number, number>();
  for (const tensor of info.tensors) {
    bytesByType.set(tensor.type, (bytesByType.get(tensor.type) ?? 0) + tensor.byteSize);
  }
  const [type] = [...bytesByType.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return type === undefined ? 'none' : (ggmlTypeTraits(type)?.name ?? `type ${type}`);
}

export function summarizeGguf(info: GgufFileInfo): GgufSummary {
  const architectureValue = scalar(info.metadata['general.architecture']);
  const architecture = typeof architectureValue === 'string' ? architectureValue : 'unknown';
  const nameValue = scalar(info.metadata['general.name']);
  const fileType = numberAt(info, 'general.file_type');
  const tokens = info.metadata['tokenizer.ggml.tokens'];
  return {
    file: info.file,
    ggufVersion: info.version,
    architecture,
    name: typeof nameValue === 'string' ? nameValue : '',
    parameters: info.tensors.reduce(
      (sum, tensor) => sum + tensor.dims.reduce((product, dim) => product * dim, 1),
      0,
    ),
    quantization:
      (fileType === undefined ? undefined : llamaFileTypeName(fileType)) ??
      dominantTensorType(info),
    contextLength: numberAt(info, `${architecture}.context_length`),
    layers: numberAt(info, `${architecture}.block_count`),
    embeddingLength: numberAt(info, `${architecture}.embedding_length`),
    vocabularySize: tokens && Array.isArray(tokens.value) ? tokens.value.length : undefined,
    hasChatTemplate: info.metadata['tokenizer.chat_template'] !== undefined,
    tensorCount: info.tensors.length,
    tensorBytes: info.tensors.reduce((sum, tensor) => sum + tensor.byteSize, 0),
    fileSize: info.fileSize,
  };
}
