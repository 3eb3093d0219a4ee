// Loads the generated models with node-llama-cpp's real llama.cpp: the proof that the writer,
// the tokenizer metadata and the tensor layouts are what llama.cpp expects.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChatMLChatWrapper,
  LlamaChatSession,
  LlamaLogLevel,
  getLlama,
  resolveChatWrapper,
  type Llama,
} from 'node-llama-cpp';
import {
  TINY_LLAMA_SPEC,
  initialWeights,
  makeTestModel,
  quantizedFrom,
  testModelVocabulary,
  writeTransformerModel,
  type TestModelQuantization,
  type TransformerSpec,
} from '../src/index.js';

let dir: string;
let llama: Llama;
const vocab = testModelVocabulary();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-llama-'));
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
  await rm(dir, { recursive: true, force: true });
});

describe.each<TestModelQuantization>(['F32', 'Q8_0', 'Q4_0'])(
  'the %s tiny model in llama.cpp',
  (quantization) => {
    it('loads, tokenizes with byte fallback, picks ChatML and generates', async () => {
      const modelPath = join(dir, `tiny-${quantization}.gguf`);
      await makeTestModel({ outPath: modelPath, quantization, seed: 42 });
      const model = await llama.loadModel({ modelPath });
      try {
        expect(model.trainContextSize).toBe(2048);
        expect(model.fileInfo.metadata.general.architecture).toBe('llama');

        const text = 'Hello, I feel tired today. Café 😊';
        const tokens = model.tokenize(text);
        expect(model.detokenize(tokens)).toBe(text);
        // Whole words come out as one piece; é and the emoji as their UTF-8 bytes.
        expect(tokens).toContain(vocab.idOf('▁feel'));
        const byteToken = (byte: number) => vocab.idOf(`<0x${byte.toString(16).toUpperCase()}>`);
        for (const byte of [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x8a])
          expect(tokens).toContain(byteToken(byte));

        expect(resolveChatWrapper(model)).toBeInstanceOf(ChatMLChatWrapper);
        const chatml = model.tokenize('<|im_start|>user', true);
        expect(chatml[0]).toBe(vocab.idOf('<|im_start|>'));

        // One thread: llama.cpp's worker threads spin-wait, which crawls on a small busy machine.
        const context = await model.createContext({ contextSize: 256, threads: 1 });
        try {
          const sequence = context.getSequence();
          const generated: number[] = [];
          for await (const token of sequence.evaluate(model.tokenize('I feel'), {
            temperature: 0,
          })) {
            generated.push(token);
            if (generated.length === 5) break;
          }
          expect(generated).toHaveLength(5);
          expect(generated.every((t) => t >= 0 && t < vocab.size)).toBe(true);
          await sequence.clearHistory();

          const session = new LlamaChatSession({ contextSequence: sequence });
          const reply = await session.prompt('How are you?', {
            maxTokens: 6,
            temperature: 0.7,
            seed: 1,
          });
          expect(reply.length).toBeGreaterThan(0);
          session.dispose();
        } finally {
          await context.dispose();
        }
      } finally {
        await model.dispose();
      }
    });
  },
);

// The shape models' layouts, at the tiny model's size: llama.cpp checks every tensor's name and
// shape at load, so loading and generating proves each architecture's plan.
describe.each<[string, TransformerSpec]>([
  ['qwen2', { ...TINY_LLAMA_SPEC, architecture: 'qwen2', tiedEmbeddings: true }],
  ['phi3', { ...TINY_LLAMA_SPEC, architecture: 'phi3', headCountKv: 4 }],
])('the %s layout in llama.cpp', (_architecture, spec) => {
  it('loads and generates', async () => {
    const modelPath = join(dir, `tiny-${spec.architecture}.gguf`);
    const data = quantizedFrom((tensor) => initialWeights(tensor, 3, vocab.types));
    await writeTransformerModel(modelPath, spec, vocab, 'Q8_0', data);
    const model = await llama.loadModel({ modelPath });
    try {
      expect(model.fileInfo.metadata.general.architecture).toBe(spec.architecture);
      const context = await model.createContext({ contextSize: 128, threads: 1 });
      try {
        const generated: number[] = [];
        for await (const token of context
          .getSequence()
          .evaluate(model.tokenize('I feel'), { temperature: 0 })) {
          generated.push(token);
          if (generated.length === 3) break;
        }
        expect(generated).toHaveLength(3);
      } finally {
        await context.dispose();
      }
    } finally {
      await model.dispose();
    }
  });
});
