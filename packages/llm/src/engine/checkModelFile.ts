import { open, stat } from 'node:fs/promises';
import { GgufInsights, readGgufFileInfo, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import { InvalidModelMagicError } from '../errors/InvalidModelMagicError.js';
import { ModelFileNotFoundError } from '../errors/ModelFileNotFoundError.js';
import { ModelLoadError } from '../errors/ModelLoadError.js';
import { TruncatedModelError } from '../errors/TruncatedModelError.js';

const ggufMagic = 'GGUF';

/**
 * Checks a GGUF file before llama.cpp maps it, so that a missing, foreign or cut-off file gives
 * an error naming the file and the fix rather than llama.cpp's generic "failed to load model".
 * Reads only the header: a 4 GB model is not read through.
 */
export async function checkModelFile(filePath: string, llama: Llama): Promise<GgufFileInfo> {
  const size = await checkModelFileHead(filePath);

  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(filePath, { sourceType: 'filesystem', logWarnings: false });
  } catch (error) {
    // The parser reads past the end of a header that was cut short; anything else is corruption.
    throw looksLikeEndOfFile(error)
      ? new TruncatedModelError(filePath, size, undefined, { cause: error })
      : new ModelLoadError(filePath, error);
  }

  // Bytes past the end read as zeros, so a cut header can parse; its end offset gives it away.
  if (info.infoEndOffset !== undefined && size < info.infoEndOffset) {
    throw new TruncatedModelError(filePath, size, undefined);
  }
  const expected = await expectedFileSize(info, llama);
  if (expected !== undefined && size < expected) {
    throw new TruncatedModelError(filePath, size, expected);
  }
  return info;
}

/**
 * The cheap part of the check, needing no llama.cpp binding: the file exists and starts with
 * the GGUF magic. Returns its size in bytes.
 */
export async function checkModelFileHead(filePath: string): Promise<number> {
  const size = await fileSize(filePath);
  const magic = await readMagic(filePath);
  if (magic.length < ggufMagic.length) throw new TruncatedModelError(filePath, size, undefined);
  if (magic !== ggufMagic) throw new InvalidModelMagicError(filePath, magic);
  return size;
}

async function fileSize(filePath: string): Promise<number> {
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) throw new ModelFileNotFoundError(filePath);
    return stats.size;
  } catch (error) {
    if (error instanceof ModelFileNotFoundError) throw error;
    throw new ModelFileNotFoundError(filePath, { cause: error });
  }
}

async function readMagic(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(ggufMagic.length);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** Where the tensor data ends according to the header: the least size a whole file can have. */
async function expectedFileSize(info: GgufFileInfo, llama: Llama): Promise<number | undefined> {
  const first = info.fullTensorInfo?.[0] ?? info.tensorInfo?.[0];
  if (!first) return undefined;
  const dataStart = Number(BigInt(first.fileOffset) - BigInt(first.offset));
  const insights = await GgufInsights.from(info, llama);
  return dataStart + insights.modelSize;
}

function looksLikeEndOfFile(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /long enough|out of (range|bounds)|end of (file|buffer)|beyond|offset/i.test(message);
}
