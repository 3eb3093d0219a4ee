import { open } from 'node:fs/promises';
import type { GgufTensorInfo } from '../format/ggufTensor.js';
import type { GgufMetadata } from '../format/ggufValue.js';
import { GgufSizeMismatchError } from '../errors/GgufSizeMismatchError.js';
import { MalformedGgufError } from '../errors/MalformedGgufError.js';
import { TruncatedGgufError } from '../errors/TruncatedGgufError.js';
import { OutOfDataError } from '../io/ByteReader.js';
import { GgufHeaderParser, type ParsedGgufHeader } from './parseGgufHeader.js';

/** What a GGUF file says about itself, read without loading tensor data. */
export interface GgufFileInfo {
  readonly file: string;
  readonly version: number;
  readonly alignment: number;
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorInfo[];
  /** File offset of the data section. */
  readonly dataOffset: number;
  /** Smallest size the tensor table allows: the end of the last tensor's data. */
  readonly expectedFileSize: number;
  readonly fileSize: number;
}

/** Most headers (even a 150k-token vocabulary) fit in the first read. */
const FIRST_READ_BYTES = 1 << 20;

async function readPrefix(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(bytes, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

async function fileSizeOf(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** End of the data section as the tensor table describes it; tensors are checked not to overlap. */
function tensorDataEnd(
  file: string,
  header: ParsedGgufHeader,
): { minEnd: number; paddedEnd: number } {
  let minEnd = 0;
  const sorted = [...header.tensors].sort((a, b) => a.offset - b.offset);
  let previous: GgufTensorInfo | undefined;
  for (const tensor of sorted) {
    if (previous !== undefined && tensor.offset < previous.offset + previous.byteSize) {
      throw new MalformedGgufError(file, `tensors ${previous.name} and ${tensor.name} overlap`);
    }
    minEnd = Math.max(minEnd, tensor.offset + tensor.byteSize);
    previous = tensor;
  }
  const paddedEnd = Math.ceil(minEnd / header.alignment) * header.alignment;
  return { minEnd, paddedEnd };
}

/**
 * Reads a GGUF file's header, metadata and tensor table, and checks the file's size against the
 * table: too short is a TruncatedGgufError (an interrupted download), longer than the last
 * tensor plus its alignment padding is a GgufSizeMismatchError. Tensor data is not read.
 */
export async function readGgufFile(path: string): Promise<GgufFileInfo> {
  const fileSize = await fileSizeOf(path);
  let length = Math.min(fileSize, FIRST_READ_BYTES);
  for (;;) {
    const bytes = await readPrefix(path, length);
    let header: ParsedGgufHeader;
    try {
      header = new GgufHeaderParser(path, bytes).parse();
    } catch (error) {
      if (!(error instanceof OutOfDataError)) throw error;
      if (error.neededBytes > fileSize || length >= fileSize) {
        throw new TruncatedGgufError(path, error.neededBytes, fileSize);
      }
      // The header is longer than what was read: read again, at least doubling, until it fits.
      length = Math.min(fileSize, Math.max(error.neededBytes, length * 2));
      continue;
    }
    const { minEnd, paddedEnd } = tensorDataEnd(path, header);
    const expectedFileSize =
      header.tensors.length === 0
        ? Math.min(header.dataOffset, fileSize)
        : header.dataOffset + minEnd;
    if (fileSize < expectedFileSize) throw new TruncatedGgufError(path, expectedFileSize, fileSize);
    const largestAllowed = header.dataOffset + paddedEnd;
    if (fileSize > largestAllowed) throw new GgufSizeMismatchError(path, largestAllowed, fileSize);
    return {
      file: path,
      version: header.version,
      alignment: header.alignment,
      metadata: header.metadata,
      tensors: header.tensors,
      dataOffset: header.dataOffset,
      expectedFileSize,
      fileSize,
    };
  }
}
