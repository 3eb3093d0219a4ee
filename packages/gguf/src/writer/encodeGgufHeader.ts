import {
  DEFAULT_GGUF_ALIGNMENT,
  GGUF_ALIGNMENT_KEY,
  GGUF_MAGIC,
  GGUF_VERSION,
  GgufValueType,
} from '../format/ggufConstants.js';
import { ggmlTensorByteSize, isKnownGgmlType } from '../format/ggmlTypes.js';
import type { GgufTensorInfo, GgufTensorSpec } from '../format/ggufTensor.js';
import { gguf, type GgufMetadata } from '../format/ggufValue.js';
import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { ByteWriter } from '../io/ByteWriter.js';
import { writeGgufValue } from './writeGgufValue.js';

/** ggml keeps tensor names in a 64-byte field with a terminating NUL. */
const MAX_TENSOR_NAME_BYTES = 63;
/** ggml tensors have at most four dimensions. */
const MAX_DIMS = 4;

export interface GgufHeaderInput {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorSpec[];
  /** Tensor data alignment; written as `general.alignment` when it is not the default 32. */
  readonly alignment?: number;
}

export interface EncodedGgufHeader {
  /** Magic, version, counts, metadata and tensor table, zero-padded to the alignment. */
  readonly header: Uint8Array;
  readonly alignment: number;
  /** The tensor table with each tensor's aligned offset into the data section. */
  readonly tensors: readonly GgufTensorInfo[];
  /** Bytes of the data section, including the padding after each tensor. */
  readonly dataSize: number;
}

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

function resolveAlignment(metadata: GgufMetadata, requested: number | undefined): GgufMetadata {
  const existing = metadata[GGUF_ALIGNMENT_KEY];
  if (existing !== undefined && existing.type !== GgufValueType.Uint32) {
    throw new InvalidGgufInputError(
      `metadata ${GGUF_ALIGNMENT_KEY}`,
      'it must be a uint32 (use gguf.u32)',
    );
  }
  const fromMetadata = existing?.value as number | undefined;
  if (requested !== undefined && fromMetadata !== undefined && requested !== fromMetadata) {
    throw new InvalidGgufInputError(
      `metadata ${GGUF_ALIGNMENT_KEY}`,
      `it says ${fromMetadata} but the alignment option says ${requested}; give one of them`,
    );
  }
  const alignment = requested ?? fromMetadata ?? DEFAULT_GGUF_ALIGNMENT;
  if (!Number.isInteger(alignment) || alignment < 1 || (alignment & (alignment - 1)) !== 0) {
    throw new InvalidGgufInputError(
      'alignment',
      `${alignment} is not a power of two (llama.cpp requires one)`,
    );
  }
  if (alignment === DEFAULT_GGUF_ALIGNMENT || fromMetadata !== undefined) return metadata;
  return { ...metadata, [GGUF_ALIGNMENT_KEY]: gguf.u32(alignment) };
}

function tensorTable(
  tensors: readonly GgufTensorSpec[],
  alignment: number,
): { infos: GgufTensorInfo[]; dataSize: number } {
  const names = new Set<string>();
  const infos: GgufTensorInfo[] = [];
  let offset = 0;
  for (const tensor of tensors) {
    const subject = `tensor ${tensor.name}`;
    if (names.has(tensor.name)) throw new InvalidGgufInputError(subject, 'the name is used twice');
    names.add(tensor.name);
    if (
      tensor.name.length === 0 ||
      new TextEncoder().encode(tensor.name).length > MAX_TENSOR_NAME_BYTES
    ) {
      throw new InvalidGgufInputError(
        subject,
        `names must be 1 to ${MAX_TENSOR_NAME_BYTES} UTF-8 bytes`,
      );
    }
    if (
      tensor.dims.length < 1 ||
      tensor.dims.length > MAX_DIMS ||
      !tensor.dims.every((d) => Number.isSafeInteger(d) && d > 0)
    ) {
      throw new InvalidGgufInputError(
        subject,
        `dims [${tensor.dims.join(', ')}] must be 1 to ${MAX_DIMS} positive integers`,
      );
    }
    if (!isKnownGgmlType(tensor.type))
      throw new InvalidGgufInputError(subject, `unknown ggml type ${tensor.type}`);
    const byteSize = ggmlTensorByteSize(tensor.type, tensor.dims);
    if (typeof byteSize === 'string') throw new InvalidGgufInputError(subject, byteSize);
    infos.push({ name: tensor.name, dims: [...tensor.dims], type: tensor.type, offset, byteSize });
    offset = alignUp(offset + byteSize, alignment);
  }
  return { infos, dataSize: offset };
}

/** Encodes everything before the tensor data; pure, so it is tested without touching the disk. */
export function encodeGgufHeader(input: GgufHeaderInput): EncodedGgufHeader {
  const metadata = resolveAlignment(input.metadata, input.alignment);
  const alignment =
    (metadata[GGUF_ALIGNMENT_KEY]?.value as number | undefined) ?? DEFAULT_GGUF_ALIGNMENT;
  const { infos, dataSize } = tensorTable(input.tensors, alignment);

  const out = new ByteWriter();
  out.raw(new TextEncoder().encode(GGUF_MAGIC));
  out.u32(GGUF_VERSION);
  out.u64(infos.length);
  const keys = Object.keys(metadata);
  out.u64(keys.length);
  for (const key of keys) {
    if (key.length === 0) throw new InvalidGgufInputError('metadata', 'a key is empty');
    out.string(key);
    writeGgufValue(out, metadata[key] as NonNullable<GgufMetadata[string]>, key);
  }
  for (const info of infos) {
    out.string(info.name);
    out.u32(info.dims.length);
    for (const dim of info.dims) out.u64(dim);
    out.u32(info.type);
    out.u64(info.offset);
  }
  out.padTo(alignment);
  return { header: out.toBytes(), alignment, tensors: infos, dataSize };
}
