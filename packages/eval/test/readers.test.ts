import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadDataset, loadDialogues } from '../src/data/loadDataset.js';
import { parseEsconvShort } from '../src/data/readEsconvShort.js';
import { DatasetError } from '../src/errors/DatasetError.js';
import { DatasetNotFoundError } from '../src/errors/DatasetNotFoundError.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
// The shared datasets sit next to the repository; a fresh clone has none.
const esconvDir = resolve(here, '../../../../shared/datasets/esconv');
const testSplit = join(esconvDir, 'testWithStrategy_short.tsv');
const failed = join(esconvDir, 'FailedESConv.json');
const esconvStrategies = [
  'Question',
  'Restatement or Paraphrasing',
  'Reflection of feelings',
  'Self-disclosure',
  'Affirmation and Reassurance',
  'Providing Suggestions',
  'Information',
  'Others',
];

const scratch = mkdtempSync(join(tmpdir(), 'hearth-eval-readers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ESConv short splits', () => {
  const sample = [
    '1.0 0 0 Hello  EOS 1.0 1 1 [Questions] How are you feeling?',
    '0.0 1 1 [Questions] How are you? EOS 0.0 0 2 Sad. EOS 1.0 1 3 [Other] I see [really].',
    '0.0 1 1 [Questions] How are you? EOS 1.0 0 2 Sad.',
    '',
  ].join('\n');

  it('takes the last utterance as the gold reply, strips its tag and canonicalizes the strategy', () => {
    const dataset = parseEsconvShort('sample.tsv', sample);
    expect(dataset.examples).toHaveLength(2);
    expect(dataset.examples[0]).toEqual({
      id: 0,
      dialogueId: '',
      context: [{ speaker: 'seeker', text: 'Hello', strategy: '' }],
      gold: 'How are you feeling?',
      goldStrategy: 'Question',
    });
    // Only the leading tag is a tag; later brackets are text.
    expect(dataset.examples[1]?.gold).toBe('I see [really].');
    expect(dataset.examples[1]?.goldStrategy).toBe('Others');
    expect(dataset.examples[1]?.context[0]).toEqual({
      speaker: 'supporter',
      text: 'How are you?',
      strategy: 'Question',
    });
  });

  it("skips and reports a line whose last utterance is the seeker's; ids stay line numbers", () => {
    const dataset = parseEsconvShort('sample.tsv', sample);
    expect(dataset.skipped).toEqual([
      { where: 'line 3', reason: 'its last utterance is the seeker’s' },
    ]);
    expect(dataset.examples.map((e) => e.id)).toEqual([0, 1]);
  });

  it('names the file and line of a malformed utterance', () => {
    const bad = '1.0 0 0 Hello EOS 1.0 1 1 [Questions] Hi\n1.0 2 x nonsense\n';
    expect(() => parseEsconvShort('bad.tsv', bad)).toThrow(DatasetError);
    expect(() => parseEsconvShort('bad.tsv', bad)).toThrow(/^bad\.tsv:2: .*not an utterance.*EOS/);
  });

  const real = existsSync(testSplit) ? it : it.skip;
  if (!existsSync(testSplit)) {
    console.warn(
      `Skipping the real ESConv test split: ${testSplit} is absent (see ../shared/datasets/README.md).`,
    );
  }
  real(
    'reads the real test split: 2,775 supporter replies, untagged, with canonical strategies',
    async () => {
      const dataset = await loadDataset(testSplit);
      expect(dataset.format).toBe('esconv-short');
      expect(dataset.examples).toHaveLength(2775);
      expect(dataset.skipped).toHaveLength(0);
      for (const example of dataset.examples) {
        expect(example.gold).not.toMatch(/^\[/);
        expect(example.gold.length).toBeGreaterThan(0);
        expect(esconvStrategies).toContain(example.goldStrategy);
        expect(example.context.length).toBeGreaterThan(0);
        expect(example.context.length).toBeLessThanOrEqual(4);
      }
      expect(dataset.examples[0]?.gold).toBe('How are you feeling?');
    },
  );
});

describe('full ESConv JSON', () => {
  it('reads both speaker spellings and the annotation strategies', async () => {
    const { format, dialogues } = await loadDialogues(join(fixtures, 'esconv-sample.json'));
    expect(format).toBe('esconv-json');
    expect(dialogues).toHaveLength(2);
    expect(dialogues[0]?.utterances.map((u) => u.speaker)).toEqual([
      'seeker',
      'supporter',
      'seeker',
      'supporter',
      'supporter',
    ]);
    expect(dialogues[0]?.utterances[0]?.text).toBe('Hello');
    expect(dialogues[0]?.utterances[4]?.strategy).toBe('Question');
    expect(dialogues[1]?.utterances.map((u) => u.speaker)).toEqual([
      'supporter',
      'seeker',
      'supporter',
    ]);
    expect(dialogues[1]?.utterances[0]?.strategy).toBe('Others');
  });

  it("makes one example per supporter turn after the first utterance, gold always the supporter's", async () => {
    const dataset = await loadDataset(join(fixtures, 'esconv-sample.json'));
    // Conversation 0: turns 1, 3, 4; conversation 1: turn 2 (turn 0 opens the dialogue).
    expect(dataset.examples.map((e) => e.gold)).toEqual([
      'Hi, how are you today?',
      'That sounds frightening.',
      'What happened at work?',
      "I'm so sorry. You deserve kindness.",
    ]);
    expect(dataset.examples[2]?.context).toHaveLength(4);
    expect(dataset.examples.map((e) => e.id)).toEqual([0, 1, 2, 3]);
  });

  const real = existsSync(failed) ? it : it.skip;
  if (!existsSync(failed)) {
    console.warn(
      `Skipping the real FailedESConv.json: ${failed} is absent (see ../shared/datasets/README.md).`,
    );
  }
  real('reads the real FailedESConv.json (speaker/listener layout)', async () => {
    const { dialogues } = await loadDialogues(failed);
    expect(dialogues).toHaveLength(196);
    const supporterTurns = dialogues
      .flatMap((d) => d.utterances)
      .filter((u) => u.speaker === 'supporter');
    expect(supporterTurns).toHaveLength(2377);
    expect(
      supporterTurns.filter((u) => esconvStrategies.includes(u.strategy)).length,
    ).toBeGreaterThan(2300);
  });
});

describe('ExTES JSON', () => {
  it('reads User / AI / AI Strategy turns', async () => {
    const { format, dialogues } = await loadDialogues(join(fixtures, 'extes-sample.json'));
    expect(format).toBe('extes-json');
    expect(dialogues[0]?.situation).toMatch(/exam/);
    expect(dialogues[0]?.utterances[1]).toEqual({
      speaker: 'supporter',
      text: 'That sounds stressful. What worries you the most?',
      strategy: 'Emotional Validation',
    });
    // ExTES labels that are ESConv's, in another spelling, become ESConv's.
    expect(dialogues[1]?.utterances[2]?.strategy).toBe('Affirmation and Reassurance');
    const dataset = await loadDataset(join(fixtures, 'extes-sample.json'));
    expect(dataset.examples).toHaveLength(4);
  });
});

describe('missing and malformed files', () => {
  it('a missing dataset is a DatasetNotFoundError naming the file and the fix', async () => {
    const missing = join(scratch, 'nope.tsv');
    await expect(loadDataset(missing)).rejects.toThrow(DatasetNotFoundError);
    await expect(loadDataset(missing)).rejects.toThrow(/nope\.tsv.*no such file.*--data/);
  });

  it('broken JSON and a wrong layout name the file', async () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '[{"dialog": [');
    await expect(loadDataset(broken)).rejects.toThrow(/broken\.json: is not valid JSON/);
    const wrong = join(scratch, 'wrong.json');
    writeFileSync(wrong, JSON.stringify([{ dialog: [{ speaker: 'robot', content: 'hi' }] }]));
    await expect(loadDataset(wrong)).rejects.toThrow(
      /conversation 0, turn 0 has the unknown speaker "robot"/,
    );
  });
});
