import { open, rename, rm } from 'node:fs/promises';
import type { GgufTensorInfo, GgufTensorSource } from '../format/ggufTensor.js';
import type { GgufMetadata } from '../format/ggufValue.js';
import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { alignUp, encodeGgufHeader } from './encodeGgufHeader.js';

export interface GgufWriteInput {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorSource[];
  /** Tensor data alignment (default: `general.alignment` from the metadata, else 32). */
  readonly alignment?: number;
}

export interface GgufWriteResult {
  readonly path: string;
  readonly fileSize: number;
  readonly tensors: readonly GgufTensorInfo[];
}

/**
 * Writes a GGUF v3 file. Tensor data is requested one tensor at a time and written straight to
 * disk, so memory stays at one tensor. The file appears under `path` only when complete (written
 * beside it and renamed), so a reader never sees half a model.
 */
export async function writeGgufFile(path: string, input: GgufWriteInput): Promise<GgufWriteResult> {
  const { header, alignment, tensors, dataSize } = encodeGgufHeader(input);
  const partial = `${path}.partial-${process.pid}`;
  const handle = await open(partial, 'w');
  try {
    await handle.write(header);
    let written = 0;
    for (const [index, source] of input.tensors.entries()) {
      const info = tensors[index] as GgufTensorInfo;
      const data = await source.data();
      if (data.byteLength !== info.byteSize) {
        throw new InvalidGgufInputError(
          `tensor ${info.name}`,
          `its data has ${data.byteLength} bytes but dims [${info.dims.join(', ')}] need ${info.byteSize}`,
        );
      }
      await handle.write(data);
      written += data.byteLength;
      const padded = alignUp(written, alignment);
      if (padded > written) await handle.write(new Uint8Array(padded - written));
      written = padded;
    }
    await handle.close();
    await rename(partial, path);
    return { path, fileSize: header.byteLength + dataSize, tensors };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
