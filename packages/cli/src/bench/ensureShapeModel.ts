import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeShapeModel, readGgufFile, type ModelShapeName } from '@hearth/gguf';
import { shapeModelPath } from '../commands/models.js';

/**
 * The shape model for a benchmark, from the cache folder when a complete one is there (checked
 * by its header, tensor table and size), else generated into it. Returns the path and how long
 * generation took (null when reused).
 */
export async function ensureShapeModel(
  dir: string,
  shape: ModelShapeName,
  quantization: 'Q4_0' | 'Q8_0',
  log: (line: string) => void,
): Promise<{ path: string; generatedSeconds: number | null }> {
  const path = shapeModelPath(dir, shape, quantization);
  try {
    await readGgufFile(path);
    log(`Reusing the cached shape model ${path}`);
    return { path, generatedSeconds: null };
  } catch {
    log(`Generating the ${shape} ${quantization} shape model into ${path} ...`);
  }
  await mkdir(dirname(path), { recursive: true });
  const start = performance.now();
  await makeShapeModel({ outPath: path, shape, quantization });
  return { path, generatedSeconds: (performance.now() - start) / 1000 };
}
