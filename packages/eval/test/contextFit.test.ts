// Utterances per context strategy (the thesis' figures 6.2/6.3): dialogues rebuilt from a short
// split, counted by the llm node's utterancesThatFit, written as JSON, markdown and SVG.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContextDialogues } from '../src/context/loadContextDialogues.js';
import { measureContextFit, type ContextFitOptions } from '../src/context/measureContextFit.js';
import { shortSplitDialogues } from '../src/context/shortSplitDialogues.js';
import { writeContextReport } from '../src/context/writeContextReport.js';
import { wordTokens } from '../src/metrics/wordTokens.js';

const scratch = mkdtempSync(join(tmpdir(), 'hearth-context-fit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two dialogues as the short splits hold them: sliding windows ending at supporter turns.
const fixture = [
  '1.0 0 0 Hello there. EOS 1.0 1 1 [Questions] How are you?',
  '0.0 0 0 Hello there. EOS 0.0 1 1 [Questions] How are you? EOS 0.0 0 2 I lost my job and I am very scared about the rent. EOS 1.0 1 3 [Reflection of feelings] That sounds frightening.',
  '0.0 1 1 [Questions] How are you? EOS 0.0 0 2 I lost my job and I am very scared about the rent. EOS 0.0 1 3 [Reflection of feelings] That sounds frightening. EOS 1.0 1 4 [Questions] Do you have anyone to talk to?',
  '1.0 0 0 I feel lonely. EOS 1.0 1 1 [Other] Hi, I am here for you.',
].join('\n');

const words = (text: string): number => wordTokens(text).length;
const options: ContextFitOptions = {
  contextSizes: [20, 40, 1000],
  replyTokens: 4,
  systemTokens: 2,
  overheadPerUtterance: 1,
  keepRecent: 1,
  summaryTokens: 5,
};

describe('shortSplitDialogues', () => {
  it('rebuilds each dialogue once from its overlapping windows', () => {
    const dialogues = shortSplitDialogues('fixture.tsv', fixture);
    expect(dialogues.map((d) => d.utterances.length)).toEqual([5, 2]);
    expect(dialogues[0]?.utterances.map((u) => u.speaker)).toEqual([
      'seeker',
      'supporter',
      'seeker',
      'supporter',
      'supporter',
    ]);
    expect(dialogues[0]?.utterances[4]?.text).toBe('Do you have anyone to talk to?');
    expect(dialogues[1]?.utterances[0]?.text).toBe('I feel lonely.');
  });

  it('starts a new dialogue when the numbers restart or disagree', () => {
    const restart = [
      '1.0 0 0 A. EOS 1.0 1 1 [Other] B.',
      '0.0 0 0 A. EOS 1.0 1 1 [Other] B. EOS 1.0 1 2 [Other] C.',
      '0.0 0 2 Different. EOS 1.0 1 3 [Other] D.',
    ].join('\n');
    expect(shortSplitDialogues('r.tsv', restart).map((d) => d.utterances.length)).toEqual([3, 2]);
  });
});

describe('measureContextFit', () => {
  it('counts, per context size, the utterances each strategy keeps', () => {
    const dialogues = shortSplitDialogues('fixture.tsv', fixture);
    const fit = measureContextFit(dialogues, words, options);
    expect(fit.dialogues).toBe(2);
    expect(fit.utterances).toEqual({ total: 7, mean: 3.5, median: 3.5 });
    const [small, medium, large] = fit.rows;
    // Budget 20 - 4 - 2 = 14. Dialogue 1 from its end: "Do you have anyone to talk to?" is
    // 8 words + 1 = 9; "That sounds frightening." 4 + 1 = 5 (14 in all); the job utterance no
    // longer fits. Dialogue 2 (7 + 1 and 4 + 1 = 13) fits whole.
    expect(small?.budget).toBe(14);
    expect(small?.strategies.window).toEqual({ mean: 2, median: 2, wholePercent: 50 });
    // Summary keeps what fits in 14 - 5 = 9 beside it: one utterance of dialogue 1, and
    // dialogue 2 whole (no summary is needed when everything fits).
    expect(small?.strategies.summary.mean).toBe(1.5);
    // Stopwords: the older utterances shrink, so at least as many fit as in the window.
    expect(small?.strategies.stopwords.mean).toBeGreaterThanOrEqual(2);
    expect(medium?.strategies.stopwords.mean).toBeGreaterThan(medium?.strategies.window.mean ?? 0);
    expect(large?.strategies.window).toEqual({ mean: 3.5, median: 3.5, wholePercent: 100 });
    expect(fit.tokensPerStrippedUtterance).toBeLessThan(fit.tokensPerUtterance);
  });

  it('writes JSON, markdown and an SVG chart', async () => {
    const dialogues = shortSplitDialogues('fixture.tsv', fixture);
    const fit = measureContextFit(dialogues, words, options);
    const out = join(scratch, 'report');
    await writeContextReport(out, { file: 'fixture.tsv', tokenizer: 'word tokens', fit });
    const json = JSON.parse(readFileSync(join(out, 'context-fit.json'), 'utf8')) as {
      rows: { contextSize: number }[];
    };
    expect(json.rows.map((r) => r.contextSize)).toEqual([20, 40, 1000]);
    const markdown = readFileSync(join(out, 'context-fit.md'), 'utf8');
    expect(markdown).toMatch(/\| 20 \| 14 \| 2\.0 \(2\.0\), 50% whole \|/);
    expect(markdown).toContain('![utterances kept per context size](context-fit.svg)');
    const svg = readFileSync(join(out, 'context-fit.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('>stopwords</text>');
  });
});

const devSplit = resolve('../shared/datasets/esconv/devWithStrategy_short.tsv');
const haveDev = existsSync(devSplit);
if (!haveDev) {
  process.stderr.write(
    `Skipping the context report on ESConv's validation split: ${devSplit} is absent.\n`,
  );
}

(haveDev ? describe : describe.skip)('the context report on the real validation split', () => {
  it('rebuilds the validation dialogues and shows stopwords keeping the most', async () => {
    const dialogues = await loadContextDialogues(devSplit);
    const fit = measureContextFit(dialogues, words, {
      ...options,
      contextSizes: [256, 512, 1024, 2048],
      replyTokens: 128,
      systemTokens: 40,
      overheadPerUtterance: 5,
      keepRecent: 2,
      summaryTokens: 96,
    });
    // ESConv's dialogues are long (about 30 utterances in the paper): far more than one line.
    expect(fit.dialogues).toBeGreaterThan(80);
    expect(fit.utterances.mean).toBeGreaterThan(15);
    for (const row of fit.rows) {
      const { window, stopwords } = row.strategies;
      expect(stopwords.mean).toBeGreaterThanOrEqual(window.mean);
    }
    const at512 = fit.rows[1]?.strategies;
    expect(at512?.stopwords.mean).toBeGreaterThan((at512?.window.mean ?? 0) * 1.3);
    process.stderr.write(
      `ESConv validation: ${fit.dialogues} dialogues, ${fit.utterances.mean.toFixed(1)} utterances each; ` +
        fit.rows
          .map(
            (r) =>
              `${r.contextSize}: window ${r.strategies.window.mean.toFixed(1)}, stopwords ${r.strategies.stopwords.mean.toFixed(1)}, summary ${r.strategies.summary.mean.toFixed(1)}`,
          )
          .join('; ') +
        '\n',
    );
  });
});
