// The real-size shape models (`hearth models make-test --shape NAME`) loaded by node-llama-cpp's
// llama.cpp and checked against the published configs of the models they stand in for: the
// proof that a benchmark on a shape model reads the bytes per token the real model would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { LlamaLogLevel, getLlama, type Llama, type Token } from 'node-llama-cpp';
import { makeShapeModel, readGgufFile, type ModelShapeName } from '@hearth/gguf';
import { resolveModelsDir } from '@hearth/models';
import { shapeModelPath } from '../src/commands/models.js';
import { modelsVerifyCommand } from '../src/commands/modelsVerify.js';
import { captureOutput } from './support/captureOutput.js';

interface PublishedShape {
  readonly architecture: string;
  readonly blockCount: number;
  readonly embeddingLength: number;
  readonly feedForwardLength: number;
  readonly headCount: number;
  readonly headCountKv: number;
  readonly vocabSize: number;
  readonly contextLength: number;
  /** The real model's parameter count (Hugging Face's model page). */
  readonly parameters: number;
  /** Tensors in the GGUF: per block, plus embedding, output norm (and output when untied). */
  readonly tensorCount: number;
  /**
   * llama.cpp's own name for the model's size class, from its layer count and width (it calls a
   * 24-layer qwen2 "0.5B" only at width 1024, Qwen1.5's, so Qwen2.5-0.5B may read "1B").
   */
  readonly typeDescription: RegExp;
}

// Written out from each model's config.json on Hugging Face, not from SHAPE_SPECS, so a wrong
// spec fails here:
// - Qwen/Qwen2.5-0.5B-Instruct: hidden_size 896, num_hidden_layers 24, intermediate_size 4864,
//   num_attention_heads 14, num_key_value_heads 2, vocab_size 151936,
//   max_position_embeddings 32768, tie_word_embeddings true; 494,032,768 parameters.
// - Qwen/Qwen2.5-1.5B-Instruct: hidden_size 1536, num_hidden_layers 28, intermediate_size 8960,
//   num_attention_heads 12, num_key_value_heads 2, vocab_size 151936,
//   max_position_embeddings 32768, tie_word_embeddings true; 1,543,714,304 parameters.
// - microsoft/Phi-3-mini-4k-instruct: hidden_size 3072, num_hidden_layers 32,
//   intermediate_size 8192, num_attention_heads 32, num_key_value_heads 32, vocab_size 32064,
//   max_position_embeddings 4096, tie_word_embeddings false; 3,821,079,552 parameters.
const PUBLISHED: Readonly<Record<ModelShapeName, PublishedShape>> = {
  'qwen2.5-0.5b': {
    architecture: 'qwen2',
    blockCount: 24,
    embeddingLength: 896,
    feedForwardLength: 4864,
    headCount: 14,
    headCountKv: 2,
    vocabSize: 151_936,
    contextLength: 32_768,
    parameters: 494_032_768,
    tensorCount: 24 * 12 + 2, // q/k/v weights and biases, o, 3 ffn, 2 norms; embedding, norm
    typeDescription: /^qwen2 (0\.5B|1B) Q4_0$/,
  },
  'qwen2.5-1.5b': {
    architecture: 'qwen2',
    blockCount: 28,
    embeddingLength: 1536,
    feedForwardLength: 8960,
    headCount: 12,
    headCountKv: 2,
    vocabSize: 151_936,
    contextLength: 32_768,
    parameters: 1_543_714_304,
    tensorCount: 28 * 12 + 2,
    typeDescription: /^qwen2 1\.5B Q4_0$/,
  },
  'phi-3-mini': {
    architecture: 'phi3',
    blockCount: 32,
    embeddingLength: 3072,
    feedForwardLength: 8192,
    headCount: 32,
    headCountKv: 32,
    vocabSize: 32_064,
    contextLength: 4096,
    parameters: 3_821_079_552,
    tensorCount: 32 * 6 + 3, // norm, fused qkv, o, norm, fused gate-up, down; embd, norm, output
    typeDescription: /^phi3 (3B|4B|mini) Q4_0$/,
  },
};

/**
 * The Q4_0 shape model from the models folder (where `hearth bench` caches them) when a
 * complete one is there, checked by header, tensor table and size; else generated into it
 * (the GGUF writer writes a temporary file and renames it: a benchmark never sees half a file).
 */
async function cachedShapeModel(shape: ModelShapeName): Promise<string> {
  const dir = resolveModelsDir(undefined);
  const path = shapeModelPath(dir, shape, 'Q4_0');
  try {
    await readGgufFile(path);
    return path;
  } catch {
    // Absent or incomplete: generated below.
  }
  await mkdir(dir, { recursive: true });
  const start = performance.now();
  await makeShapeModel({ outPath: path, shape, quantization: 'Q4_0' });
  console.info(`Generated ${path} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  return path;
}

// Each shape is hundreds of megabytes to gigabytes, minutes to generate on a small machine
// (phi-3-mini took 18 min on a busy 2-core one; from the cache, each shape takes about a
// minute there): run only when asked for, as the test names say.
const shapeTest = process.env.HEARTH_TEST_SHAPE_MODELS === '1' ? it : it.skip;

let llama: Llama | undefined;
beforeAll(async () => {
  if (process.env.HEARTH_TEST_SHAPE_MODELS !== '1') return;
  // Prebuilt CPU binaries only: never build or download anything.
  llama = await getLlama({
    gpu: false,
    build: 'never',
    skipDownload: true,
    logLevel: LlamaLogLevel.error,
  });
});
afterAll(async () => {
  await llama?.dispose();
});

describe.each(Object.keys(PUBLISHED) as ModelShapeName[])(
  'the %s shape model (set HEARTH_TEST_SHAPE_MODELS=1 to run)',
  (shape) => {
    const published = PUBLISHED[shape];

    shapeTest(
      'verifies (header, tensor table, size), loads in llama.cpp with the real shape and decodes',
      async () => {
        const path = await cachedShapeModel(shape);

        const verified = captureOutput();
        await modelsVerifyCommand(path, { json: true }, verified.out);
        expect(JSON.parse(verified.text())).toMatchObject({
          architecture: published.architecture,
          parameters: published.parameters,
          quantization: 'Q4_0',
          layers: published.blockCount,
          embeddingLength: published.embeddingLength,
          vocabularySize: published.vocabSize,
          contextLength: published.contextLength,
          tensorCount: published.tensorCount,
          fileSize: (await stat(path)).size,
        });

        const model = await llama!.loadModel({ modelPath: path });
        try {
          expect(model.fileInfo.metadata.general.architecture).toBe(published.architecture);
          const metadata = model.fileInfo.architectureMetadata;
          expect(metadata.block_count).toBe(published.blockCount);
          expect(metadata.embedding_length).toBe(published.embeddingLength);
          expect(metadata.feed_forward_length).toBe(published.feedForwardLength);
          expect(metadata.attention?.head_count).toBe(published.headCount);
          expect(metadata.attention?.head_count_kv).toBe(published.headCountKv);
          expect(metadata.context_length).toBe(published.contextLength);
          expect(model.fileInfo.metadata.tokenizer.ggml.tokens).toHaveLength(published.vocabSize);
          // What llama.cpp itself read, beyond the metadata: these come from the loaded model.
          expect(model.trainContextSize).toBe(published.contextLength);
          expect(model.embeddingVectorSize).toBe(published.embeddingLength);
          expect(model.fileInsights.totalParameters).toBe(published.parameters);
          expect(model.typeDescription).toMatch(published.typeDescription);

          const context = await model.createContext({ contextSize: 64, threads: 2 });
          try {
            const generated: Token[] = [];
            for await (const token of context
              .getSequence()
              .evaluate(model.tokenize('I feel'), { temperature: 0 })) {
              generated.push(token);
              if (generated.length === 3) break;
            }
            expect(generated).toHaveLength(3);
            for (const token of generated) {
              expect(token).toBeGreaterThanOrEqual(0);
              expect(token).toBeLessThan(published.vocabSize);
            }
            expect(typeof model.detokenize(generated)).toBe('string');
          } finally {
            await context.dispose();
          }
        } finally {
          await model.dispose();
        }
      },
      30 * 60_000,
    );
  },
);
