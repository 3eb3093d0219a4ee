import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import { loadDialogues } from '../src/data/loadDataset.js';
import type { Dialogue } from '../src/data/types.js';
import { buildSft, type SftOptions } from '../src/sft/buildSft.js';
import { lengthStats } from '../src/sft/lengthStats.js';
import { Tokenizer } from '../src/sft/Tokenizer.js';
import { writeSft } from '../src/sft/writeSft.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'hearth-eval-sft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const options: SftOptions = {
  template: 'chatml',
  systemPrompt: 'Be kind.',
  strategyTags: false,
  validationFraction: 0,
  seed: 1,
  historyWindow: 0,
};

// The chat templates are checked against the published Jinja templates in chatTemplates.test.ts.

describe('buildSft', () => {
  it('makes one example per supporter turn with its history, merging split turns', async () => {
    const { dialogues } = await loadDialogues(join(fixtures, 'extes-sample.json'));
    const split = buildSft(dialogues, { ...options, strategyTags: true });
    // Conversation 0: two supporter turns (the last two AI messages are one turn);
    // conversation 1: its opening greeting is skipped, one turn left.
    expect(split.train).toHaveLength(3);
    expect(split.openingTurnsSkipped).toBe(1);
    const second = split.train[1];
    expect(second?.messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(second?.messages.at(-1)?.content).toBe(
      '[Normalize Experiences] It is common to feel that way before an exam. [Suggest Options] Would a short review plan help?',
    );
    expect(second?.text).toBe(`${second?.prompt}${second?.completion}`);
    expect(second?.completion.startsWith('[Normalize Experiences]')).toBe(true);
  });

  it('splits by conversation, never one conversation on both sides, and drops duplicates', () => {
    const dialogues: Dialogue[] = Array.from({ length: 40 }, (_, i) => ({
      id: String(i),
      situation: '',
      utterances: [
        { speaker: 'seeker', text: `Problem number ${i % 30}.`, strategy: '' },
        { speaker: 'supporter', text: 'Tell me more.', strategy: 'Question' },
        { speaker: 'seeker', text: 'It is hard.', strategy: '' },
        { speaker: 'supporter', text: `Answer ${i % 30}.`, strategy: 'Others' },
      ],
    }));
    const split = buildSft(dialogues, { ...options, validationFraction: 0.3 });
    // Conversations 30..39 repeat 0..9 word for word.
    expect(split.duplicateConversations).toBe(10);
    const train = new Set(split.train.map((e) => e.conversation));
    const validation = new Set(split.validation.map((e) => e.conversation));
    expect(train.size + validation.size).toBe(30);
    expect([...train].filter((c) => validation.has(c))).toEqual([]);
    expect(validation.size).toBeGreaterThan(2);
    expect(validation.size).toBeLessThan(18);
    // The same split for the same seed.
    expect(
      buildSft(dialogues, { ...options, validationFraction: 0.3 }).validation.map((e) => e.id),
    ).toEqual(split.validation.map((e) => e.id));
    // "Tell me more." after the same first words would repeat across conversations with the
    // same opening; here each opening differs, so no example-level duplicate is dropped.
    expect(split.duplicateExamples).toBe(0);
  });

  it('keeps only the last messages of a long history when asked', async () => {
    const { dialogues } = await loadDialogues(join(fixtures, 'extes-sample.json'));
    const split = buildSft(dialogues, { ...options, systemPrompt: '', historyWindow: 1 });
    expect(split.train[1]?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });
});

describe('length statistics and output files', () => {
  it('nearest-rank percentiles', () => {
    // Sorted 1..10: p50 = 5th value, p90 = 9th, p99 = 10th; mean 5.5; 3 over 7.
    expect(lengthStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 7)).toEqual({
      count: 10,
      mean: 5.5,
      p50: 5,
      p90: 9,
      p99: 10,
      max: 10,
      overLimit: 3,
      limit: 7,
    });
  });

  it('writes train/validation JSONL and stats, counting tokens with a GGUF tokenizer', async () => {
    const { dialogues } = await loadDialogues(join(fixtures, 'esconv-sample.json'));
    const split = buildSft(dialogues, options);
    const modelPath = join(scratch, 'tiny.gguf');
    await makeTestModel({ outPath: modelPath, seed: 1 });
    const tokenizer = await Tokenizer.fromGguf(modelPath);
    try {
      const stats = await writeSft(join(scratch, 'sft'), split, tokenizer, 4096);
      expect(stats.tokenizer).toBe('gguf');
      expect(stats.examples.train).toBe(split.train.length);
      const lines = readFileSync(join(scratch, 'sft', 'train.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(split.train.length);
      const first = JSON.parse(lines[0] ?? '{}') as { prompt: string; completion: string };
      expect(first.prompt).toContain('<|im_start|>user\nHello<|im_end|>');
      // Model tokens for a chat-formatted example: more than its words, fewer than its characters.
      expect(stats.tokens.train.max).toBeGreaterThan(10);
      expect(stats.tokens.train.max).toBeLessThan(first.prompt.length + 400);
    } finally {
      await tokenizer.dispose();
    }
  });
});
