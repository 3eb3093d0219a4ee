import { InvalidGgufInputError } from '../errors/InvalidGgufInputError.js';
import { CHATML_SPECIAL_TOKENS, CHATML_TEMPLATE } from './chatTemplates.js';
import { ENGLISH_WORDS } from './englishWords.js';
import { initialWeights } from './initialWeights.js';
import { TINY_LLAMA_SPEC } from './modelSpec.js';
import { SpmVocabulary } from './SpmVocabulary.js';
import { quantizedFrom, writeTransformerModel } from './writeTransformerModel.js';

export type TestModelQuantization = 'F32' | 'Q8_0' | 'Q4_0';

export interface MakeTestModelOptions {
  /** Where to write the .gguf file (replaced if present). */
  outPath: string;
  /** Seed for the random weights; the same seed writes the same bytes (default 1). */
  seed?: number;
  /** Type of the matrices; norms stay F32 as in llama.cpp's quantized files (default 'F32'). */
  quantization?: TestModelQuantization;
  /** `llama.context_length`, the training context the loader caps contexts to (default 2048). */
  contextLength?: number;
  /**
   * `tokenizer.chat_template` (default: ChatML). null writes none, like older GGUF conversions,
   * so that a loader's fallback to a configured template family can be tested.
   */
  chatTemplate?: string | null;
}

/** The tiny model's vocabulary: the same for every seed and quantization. */
export function testModelVocabulary(): SpmVocabulary {
  return new SpmVocabulary({
    words: ENGLISH_WORDS,
    controlTokens: [CHATML_SPECIAL_TOKENS.start, CHATML_SPECIAL_TOKENS.end],
  });
}

export function checkQuantization(quantization: string, subject: string): void {
  if (!['F32', 'Q8_0', 'Q4_0'].includes(quantization)) {
    throw new InvalidGgufInputError(
      subject,
      `quantization ${quantization} is not F32, Q8_0 or Q4_0`,
    );
  }
}

/**
 * Writes the tiny llama test model (see README): about 160 k random parameters, a real
 * SentencePiece-style tokenizer with byte fallback, and a ChatML chat template. node-llama-cpp
 * loads, tokenizes and samples from it like any model; its text is meaningless.
 */
export async function makeTestModel(options: MakeTestModelOptions): Promise<void> {
  const {
    outPath,
    seed = 1,
    quantization = 'F32',
    contextLength = TINY_LLAMA_SPEC.contextLength,
    chatTemplate = CHATML_TEMPLATE,
  } = options;
  checkQuantization(quantization, 'test model');
  if (!Number.isInteger(contextLength) || contextLength < 1) {
    throw new InvalidGgufInputError(
      'test model',
      `contextLength ${contextLength} is not a positive integer`,
    );
  }
  if (!Number.isInteger(seed))
    throw new InvalidGgufInputError('test model', `seed ${seed} is not an integer`);
  const vocab = testModelVocabulary();
  await writeTransformerModel(
    outPath,
    { ...TINY_LLAMA_SPEC, contextLength },
    vocab,
    quantization,
    quantizedFrom((tensor) => initialWeights(tensor, seed, vocab.types)),
    chatTemplate,
  );
}
