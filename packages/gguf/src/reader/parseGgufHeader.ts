import {
  DEFAULT_GGUF_ALIGNMENT,
  GGUF_ALIGNMENT_KEY,
  GGUF_MAGIC,
  GgufValueType,
  SUPPORTED_GGUF_VERSIONS,
  isGgufValueType,
  type GgufValueType as ValueType,
} from '../format/ggufConstants.js';
import { ggmlTensorByteSize, isKnownGgmlType } from '../format/ggmlTypes.js';
import type { GgufTensorInfo } from '../format/ggufTensor.js';
import type { GgufArrayValue, GgufMetadata, GgufValue } from '../format/ggufValue.js';
import { InvalidGgufMagicError } from '../errors/InvalidGgufMagicError.js';
import { MalformedGgufError } from '../errors/MalformedGgufError.js';
import { UnsupportedGgufVersionError } from '../errors/UnsupportedGgufVersionError.js';
import { ByteReader, OutOfDataError } from '../io/ByteReader.js';

export interface ParsedGgufHeader {
  readonly version: number;
  readonly alignment: number;
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorInfo[];
  /** File offset where tensor data starts (end of the tensor table, aligned). */
  readonly dataOffset: number;
}

/** Smallest encoding of one item of each type, to reject impossible counts before looping. */
function minItemBytes(type: ValueType): number {
  switch (type) {
    case GgufValueType.Uint8:
    case GgufValueType.Int8:
    case GgufValueType.Bool:
      return 1;
    case GgufValueType.Uint16:
    case GgufValueType.Int16:
      return 2;
    case GgufValueType.Uint32:
    case GgufValueType.Int32:
    case GgufValueType.Float32:
      return 4;
    case GgufValueType.Uint64:
    case GgufValueType.Int64:
    case GgufValueType.Float64:
    case GgufValueType.String:
      return 8;
    case GgufValueType.Array:
      return 12;
  }
}

/** Parses the header of a GGUF file from its first bytes; tensor data is never touched. */
export class GgufHeaderParser {
  private readonly reader: ByteReader;

  constructor(
    private readonly file: string,
    bytes: Uint8Array,
  ) {
    this.reader = new ByteReader(bytes);
  }

  /** Throws OutOfDataError (with the bytes needed) when `bytes` ends before the header does. */
  parse(): ParsedGgufHeader {
    const r = this.reader;
    const magic = String.fromCharCode(r.u8(), r.u8(), r.u8(), r.u8());
    if (magic !== GGUF_MAGIC) throw new InvalidGgufMagicError(this.file, GGUF_MAGIC, magic);
    const version = r.u32();
    if (!SUPPORTED_GGUF_VERSIONS.includes(version)) {
      throw new UnsupportedGgufVersionError(this.file, version, SUPPORTED_GGUF_VERSIONS);
    }
    const tensorCount = this.count('tensor count');
    const metadataCount = this.count('metadata count');

    const metadata: GgufMetadata = {};
    r.requireAtLeast(metadataCount, 12);
    for (let i = 0; i < metadataCount; i++) {
      const key = this.string(`metadata key #${i}`);
      if (Object.hasOwn(metadata, key)) this.malformed(`metadata key ${key} appears twice`);
      const type = this.valueType(`metadata ${key}`);
      metadata[key] = this.value(type, key);
    }

    const alignmentValue = metadata[GGUF_ALIGNMENT_KEY];
    let alignment = DEFAULT_GGUF_ALIGNMENT;
    if (alignmentValue !== undefined) {
      if (alignmentValue.type !== GgufValueType.Uint32)
        this.malformed(`${GGUF_ALIGNMENT_KEY} is not a uint32`);
      alignment = alignmentValue.value as number;
      if (alignment === 0 || (alignment & (alignment - 1)) !== 0) {
        this.malformed(`${GGUF_ALIGNMENT_KEY} ${alignment} is not a power of two`);
      }
    }

    const tensors: GgufTensorInfo[] = [];
    const names = new Set<string>();
    r.requireAtLeast(tensorCount, 24);
    for (let i = 0; i < tensorCount; i++) tensors.push(this.tensorInfo(i, alignment, names));
    const dataOffset = Math.ceil(r.offset / alignment) * alignment;
    return { version, alignment, metadata, tensors, dataOffset };
  }

  private tensorInfo(index: number, alignment: number, names: Set<string>): GgufTensorInfo {
    const r = this.reader;
    const name = this.string(`tensor #${index} name`);
    if (names.has(name)) this.malformed(`tensor ${name} appears twice`);
    names.add(name);
    const dimCount = r.u32();
    if (dimCount < 1 || dimCount > 4)
      this.malformed(`tensor ${name} has ${dimCount} dimensions (ggml allows 1 to 4)`);
    const dims: number[] = [];
    for (let d = 0; d < dimCount; d++) {
      const dim = r.safeU64();
      if (dim === undefined) this.malformed(`tensor ${name} has an impossibly large dimension`);
      dims.push(dim);
    }
    const type = r.u32();
    if (!isKnownGgmlType(type))
      this.malformed(`tensor ${name} has ggml type ${type}, which Hearth does not know`);
    const offset = r.safeU64();
    if (offset === undefined || offset % alignment !== 0) {
      this.malformed(
        `tensor ${name}'s data offset is not a multiple of the alignment ${alignment}`,
      );
    }
    const byteSize = ggmlTensorByteSize(type, dims);
    if (typeof byteSize === 'string') this.malformed(`tensor ${name}: ${byteSize}`);
    return { name, dims, type, offset, byteSize };
  }

  private value(type: ValueType, key: string): GgufValue {
    const r = this.reader;
    switch (type) {
      case GgufValueType.Uint8:
        return { type, value: r.u8() };
      case GgufValueType.Int8:
        return { type, value: r.i8() };
      case GgufValueType.Uint16:
        return { type, value: r.u16() };
      case GgufValueType.Int16:
        return { type, value: r.i16() };
      case GgufValueType.Uint32:
        return { type, value: r.u32() };
      case GgufValueType.Int32:
        return { type, value: r.i32() };
      case GgufValueType.Float32:
        return { type, value: r.f32() };
      case GgufValueType.Float64:
        return { type, value: r.f64() };
      case GgufValueType.Uint64:
        return { type, value: r.u64() };
      case GgufValueType.Int64:
        return { type, value: r.i64() };
      case GgufValueType.Bool:
        return { type, value: r.bool() };
      case GgufValueType.String:
        return { type, value: this.string(`metadata ${key}`) };
      case GgufValueType.Array:
        return this.array(key);
    }
  }

  private array(key: string): GgufArrayValue {
    const itemType = this.valueType(`metadata ${key} array items`);
    const length = this.count(`metadata ${key} array length`);
    this.reader.requireAtLeast(length, minItemBytes(itemType));
    const items: unknown[] = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const item = this.value(itemType, key);
      items[i] = item.type === GgufValueType.Array ? item : item.value;
    }
    // The item type decides the element type; the cast restates what the loop just built.
    return { type: GgufValueType.Array, itemType, value: items } as GgufArrayValue;
  }

  private valueType(what: string): ValueType {
    const type = this.reader.u32();
    if (!isGgufValueType(type)) this.malformed(`${what} has unknown value type ${type}`);
    return type;
  }

  private count(what: string): number {
    const value = this.reader.safeU64();
    if (value === undefined) this.malformed(`${what} is impossibly large`);
    return value;
  }

  private string(what: string): string {
    const length = this.count(`${what} length`);
    try {
      return this.reader.utf8(length);
    } catch (error) {
      if (error instanceof OutOfDataError) throw error;
      return this.malformed(`${what} is not valid UTF-8`);
    }
  }

  private malformed(detail: string): never {
    throw new MalformedGgufError(this.file, detail);
  }
}
