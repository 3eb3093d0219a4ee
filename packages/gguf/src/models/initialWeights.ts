import type { PlannedTensor } from './tensorPlan.js';
import { SeededRandom } from './SeededRandom.js';
import { TokenType } from './SpmVocabulary.js';

function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

/**
 * Seeded weights for one tensor. Norm scales are 1, biases 0; matrices are uniform with variance 1/fan_in
 * so activations neither vanish nor explode. The output projection is scaled so logits spread by
 * a few units, and its rows for byte, control and unknown tokens are zero: sampled text is then
 * made of word pieces instead of stray bytes and early end-of-sequence tokens.
 */
export function initialWeights(
  tensor: PlannedTensor,
  seed: number,
  tokenTypes: readonly number[],
): Float32Array {
  const count = elementCount(tensor.dims);
  const random = SeededRandom.derive(seed, tensor.name);
  const rowLength = tensor.dims[0] as number;
  switch (tensor.role) {
    case 'norm':
      return new Float32Array(count).fill(1);
    case 'bias':
      return new Float32Array(count);
    case 'embedding':
      return random.fillUniform(count, 1);
    case 'matrix':
      return random.fillUniform(count, Math.sqrt(3 / rowLength));
    case 'output': {
      const weights = random.fillUniform(count, 0.9);
      tokenTypes.forEach((type, token) => {
        if (type !== TokenType.Normal) weights.fill(0, token * rowLength, (token + 1) * rowLength);
      });
      return weights;
    }
  }
}
