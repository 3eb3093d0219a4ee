import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  MODEL_SHAPE_NAMES,
  makeShapeModel,
  makeTestModel,
  type ModelShapeName,
  type TestModelQuantization,
} from '@hearth/gguf';
import { resolveModelsDir } from '@hearth/models';
import { CliError } from '../errors.js';

const quantizations: readonly TestModelQuantization[] = ['F32', 'Q8_0', 'Q4_0'];
const shapeQuantizations = ['Q4_0', 'Q8_0'] as const;

export interface MakeTestOptions {
  readonly out?: string;
  readonly quantization: string;
  readonly seed: string;
  /** Write a shape model (a real model's architecture and sizes) instead of the tiny one. */
  readonly shape?: string;
  readonly dir?: string;
}

/** The file a shape model is cached in, shared by make-test and the benchmarks. */
export function shapeModelPath(dir: string, shape: ModelShapeName, quantization: string): string {
  return join(dir, `hearth-shape-${shape}-${quantization}.gguf`);
}

/**
 * `hearth models make-test`: the tiny test model (real GGUF, meaningless weights), or with
 * `--shape` a model with a real one's architecture, tensor sizes and quantization.
 */
export async function makeTestCommand(
  options: MakeTestOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const seed = Number(options.seed);
  if (!Number.isInteger(seed))
    throw new CliError(`--seed must be an integer, got "${options.seed}".`);
  const requested = options.quantization.toUpperCase();

  if (options.shape !== undefined) {
    const shape = MODEL_SHAPE_NAMES.find((name) => name === options.shape);
    if (shape === undefined) {
      throw new CliError(
        `--shape must be one of ${MODEL_SHAPE_NAMES.join(', ')}, got "${options.shape}".`,
      );
    }
    const quantization = shapeQuantizations.find((q) => q === requested);
    if (quantization === undefined) {
      throw new CliError(
        `--quantization for a shape model must be ${shapeQuantizations.join(' or ')}, got "${options.quantization}".`,
      );
    }
    const outPath =
      options.out ?? shapeModelPath(resolveModelsDir(options.dir), shape, quantization);
    await mkdir(dirname(outPath), { recursive: true });
    await makeShapeModel({ outPath, shape, quantization, seed });
    out.write(
      `Wrote the ${shape} shape model (${quantization}, random weights: for benchmarks, its text is meaningless) to ${outPath}\n`,
    );
    return 0;
  }

  const quantization = quantizations.find((q) => q === requested);
  if (quantization === undefined) {
    throw new CliError(
      `--quantization must be one of ${quantizations.join(', ')}, got "${options.quantization}".`,
    );
  }
  const outPath =
    options.out ?? join(resolveModelsDir(options.dir), `hearth-tiny-${quantization}.gguf`);
  await mkdir(dirname(outPath), { recursive: true });
  await makeTestModel({ outPath, quantization, seed });
  out.write(`Wrote the tiny test model (${quantization}) to ${outPath}\n`);
  return 0;
}
