import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHATML_SPECIAL_TOKENS,
  GgmlType,
  InvalidGgufInputError,
  TokenType,
  makeTestModel,
  plainGgufValue,
  readGgufFile,
  testModelVocabulary,
  type GgufFileInfo,
  type TestModelQuantization,
} from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-tiny-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function meta(info: GgufFileInfo, key: string): unknown {
  const value = info.metadata[key];
  return value === undefined ? undefined : plainGgufValue(value);
}

describe('the tiny test model vocabulary', () => {
  const vocab = testModelVocabulary();

  it('has SentencePiece specials, 256 byte tokens, ChatML markers and word pieces', () => {
    expect(vocab.size).toBeGreaterThanOrEqual(300);
    expect(vocab.size).toBeLessThanOrEqual(600);
    expect(vocab.tokens.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
    expect(vocab.types.slice(0, 3)).toEqual([
      TokenType.Unknown,
      TokenType.Control,
      TokenType.Control,
    ]);
    expect(vocab.tokens[3]).toBe('<0x00>');
    expect(vocab.tokens[3 + 0xff]).toBe('<0xFF>');
    expect(vocab.types.slice(3, 259).every((t) => t === TokenType.Byte)).toBe(true);
    expect(vocab.types[vocab.idOf(CHATML_SPECIAL_TOKENS.start)!]).toBe(TokenType.Control);
    expect(vocab.idOf('▁feel')).toBeDefined();
    expect(new Set(vocab.tokens).size).toBe(vocab.size);
  });

  it('can reach every word by merging pieces that are all in the vocabulary', () => {
    for (const token of vocab.tokens) {
      if (!token.startsWith('▁') || token.length < 2) continue;
      for (let end = 2; end < token.length; end++)
        expect(vocab.idOf(token.slice(0, end))).toBeDefined();
    }
  });

  it('ranks pieces by descending score', () => {
    const normal = vocab.scores.filter((_, id) => vocab.types[id] === TokenType.Normal);
    expect(normal).toEqual([...normal].sort((a, b) => b - a));
  });
});

describe('makeTestModel', () => {
  it.each<TestModelQuantization>(['F32', 'Q8_0', 'Q4_0'])(
    'writes a complete llama model in %s',
    async (quantization) => {
      const path = join(dir, `tiny-${quantization}.gguf`);
      await makeTestModel({ outPath: path, quantization });
      const info = await readGgufFile(path);
      const vocabSize = testModelVocabulary().size;

      expect(meta(info, 'general.architecture')).toBe('llama');
      expect(meta(info, 'general.file_type')).toBe({ F32: 0, Q8_0: 7, Q4_0: 2 }[quantization]);
      expect({
        context: meta(info, 'llama.context_length'),
        embd: meta(info, 'llama.embedding_length'),
        blocks: meta(info, 'llama.block_count'),
        ff: meta(info, 'llama.feed_forward_length'),
        heads: meta(info, 'llama.attention.head_count'),
        kvHeads: meta(info, 'llama.attention.head_count_kv'),
        rope: meta(info, 'llama.rope.dimension_count'),
        vocab: meta(info, 'llama.vocab_size'),
      }).toEqual({
        context: 2048,
        embd: 64,
        blocks: 2,
        ff: 128,
        heads: 4,
        kvHeads: 2,
        rope: 16,
        vocab: vocabSize,
      });
      expect(meta(info, 'llama.attention.layer_norm_rms_epsilon')).toBeCloseTo(1e-5, 10);
      expect(meta(info, 'tokenizer.ggml.model')).toBe('llama');
      expect(meta(info, 'tokenizer.ggml.tokens')).toHaveLength(vocabSize);
      expect(meta(info, 'tokenizer.ggml.scores')).toHaveLength(vocabSize);
      expect(meta(info, 'tokenizer.ggml.token_type')).toHaveLength(vocabSize);
      expect([
        meta(info, 'tokenizer.ggml.bos_token_id'),
        meta(info, 'tokenizer.ggml.eos_token_id'),
        meta(info, 'tokenizer.ggml.unknown_token_id'),
      ]).toEqual([1, 2, 0]);
      expect(meta(info, 'tokenizer.chat_template')).toContain('<|im_start|>');

      const byName = new Map(info.tensors.map((t) => [t.name, t]));
      expect(info.tensors).toHaveLength(3 + 2 * 9);
      expect(byName.get('token_embd.weight')?.dims).toEqual([64, vocabSize]);
      expect(byName.get('output.weight')?.dims).toEqual([64, vocabSize]);
      expect(byName.get('blk.1.attn_k.weight')?.dims).toEqual([64, 32]);
      expect(byName.get('blk.0.ffn_down.weight')?.dims).toEqual([128, 64]);
      expect(byName.get('blk.0.attn_norm.weight')?.type).toBe(GgmlType.F32);
      expect(byName.get('blk.0.attn_q.weight')?.type).toBe(GgmlType[quantization]);
      expect(byName.get('output.weight')?.type).toBe(GgmlType[quantization]);
    },
  );

  it('writes the same bytes for the same seed and different bytes for another', async () => {
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `seed-${name}.gguf`));
    await makeTestModel({ outPath: paths[0]!, seed: 7, quantization: 'Q4_0' });
    await makeTestModel({ outPath: paths[1]!, seed: 7, quantization: 'Q4_0' });
    await makeTestModel({ outPath: paths[2]!, seed: 8, quantization: 'Q4_0' });
    const [a, b, c] = await Promise.all(paths.map((p) => readFile(p)));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
    expect(a!.length).toBe(c!.length);
  });

  it('sets the context length', async () => {
    const path = join(dir, 'ctx.gguf');
    await makeTestModel({ outPath: path, contextLength: 512 });
    expect(meta(await readGgufFile(path), 'llama.context_length')).toBe(512);
  });

  it('leaves the chat template out when asked (an older conversion)', async () => {
    const path = join(dir, 'no-template.gguf');
    await makeTestModel({ outPath: path, chatTemplate: null });
    const info = await readGgufFile(path);
    expect(meta(info, 'tokenizer.chat_template')).toBeUndefined();
    expect(meta(info, 'tokenizer.ggml.model')).toBe('llama');
  });

  it('rejects bad options', async () => {
    const outPath = join(dir, 'bad.gguf');
    await expect(makeTestModel({ outPath, contextLength: 0 })).rejects.toThrow(
      InvalidGgufInputError,
    );
    await expect(makeTestModel({ outPath, seed: 1.5 })).rejects.toThrow(InvalidGgufInputError);
    await expect(
      makeTestModel({ outPath, quantization: 'Q2_K' as TestModelQuantization }),
    ).rejects.toThrow(/Q2_K/);
  });
});
