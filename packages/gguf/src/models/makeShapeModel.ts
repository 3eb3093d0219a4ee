import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { CHATML_SPECIAL_TOKENS } from './chatTemplates.js';
import { ENGLISH_WORDS } from './englishWords.js';
import { checkQuantization } from './makeTestModel.js';
import { randomQuantizedWeights } from './randomQuantizedWeights.js';
import { SeededRandom } from './SeededRandom.js';
import { MODEL_SHAPE_NAMES, SHAPE_SPECS, type ModelShapeName } from './shapeSpecs.js';
import { SpmVocabulary } from './SpmVocabulary.js';
import type { PlannedTensor } from './tensorPlan.js';
import { writeTransformerModel } from './writeTransformerModel.js';

export interface MakeShapeModelOptions {
  outPath: string;
  /** Which real model's architecture and tensor sizes to copy. */
  shape: ModelShapeName;
  quantization: 'Q4_0' | 'Q8_0';
  /** Seed for the random weights (default 1). */
  seed?: number;
}

function amplitude(tensor: PlannedTensor): number {
  // Variance about 1/fan_in, as for the tiny model, so activations stay finite in benchmarks.
  return tensor.role === 'embedding' ? 1 : Math.sqrt(3 / (tensor.dims[0] as number));
}

/**
 * Writes a model with the architecture, tensor sizes and quantization of a real one and random
 * weights: for benchmarks, whose speed and memory are faithful though their text is not. The
 * vocabulary is the tiny model's padded with unused tokens to the real size.
 */
export async function makeShapeModel(options: MakeShapeModelOptions): Promise<void> {
  const { outPath, shape, quantization, seed = 1 } = options;
  const spec = SHAPE_SPECS[shape];
  if (spec === undefined) {
    throw new InvalidGgufInputError(
      'shape model',
      `unknown shape ${String(shape)}; known: ${MODEL_SHAPE_NAMES.join(', ')}`,
    );
  }
  checkQuantization(quantization, 'shape model');
  const vocab = new SpmVocabulary({
    words: ENGLISH_WORDS,
    controlTokens: [
      CHATML_SPECIAL_TOKENS.start,
      CHATML_SPECIAL_TOKENS.end,
      ...(spec.specialTokens ?? []),
    ],
    padToSize: spec.vocabSize,
  });
  await writeTransformerModel(outPath, spec, vocab, quantization, (tensor, encoding) => {
    const count = tensor.dims.reduce((product, dim) => product * dim, 1);
    if (tensor.role === 'norm') return new Uint8Array(new Float32Array(count).fill(1).buffer);
    if (tensor.role === 'bias') return new Uint8Array(count * 4);
    return randomQuantizedWeights(
      encoding,
      count,
      amplitude(tensor),
      SeededRandom.derive(seed, tensor.name),
    );
  });
}
