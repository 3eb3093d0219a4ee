// Embedding similarity and judge ratings are checkpointed as they are computed: a run that was
// interrupted resumes without asking the embedding model or the judge again for what it has.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import type { Utterance } from '../src/data/types.js';
import { scoreReplies } from '../src/metrics/scoreReplies.js';
import { EmbeddingScorer } from '../src/quality/EmbeddingScorer.js';
import { JudgeError, type Judge } from '../src/quality/Judge.js';
import type { JudgeScores } from '../src/quality/judgeRubric.js';
import { scoreQuality } from '../src/quality/scoreQuality.js';
import { Checkpoint } from '../src/run/Checkpoint.js';
import type { SystemResult } from '../src/run/runEvaluation.js';

// Progress bars are not what this test reads.
const quiet = { write: () => true } as unknown as NodeJS.WritableStream;

const dir = mkdtempSync(join(tmpdir(), 'hearth-eval-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const replies = ['I hear you.', 'That sounds hard.', 'Tell me more.', 'Oh.'];
const records = replies.map((reply, id) => ({
  system: 'p.jsonl',
  id,
  gold: 'That must be hard for you.',
  goldStrategy: '',
  reply,
  predictedStrategy: '',
  contextUtterances: 1,
}));
const result: SystemResult = {
  name: 'p.jsonl',
  history: 'given',
  metrics: scoreReplies(records),
  records,
};
const examples = records.map((r) => ({
  id: r.id,
  dialogueId: '',
  context: [{ speaker: 'seeker', text: 'I lost my job.', strategy: '' }] as Utterance[],
  gold: r.gold,
  goldStrategy: '',
}));

/** A judge that scores by reply length, fails on "Oh." and goes down after `upFor` calls. */
class ScriptedJudge implements Judge {
  readonly name = 'scripted-judge';
  readonly asked: string[] = [];
  constructor(private readonly upFor = Infinity) {}
  async rate(_context: readonly Utterance[], reply: string): Promise<JudgeScores> {
    if (this.asked.length >= this.upFor) throw new JudgeError(this.name, 'went away.');
    this.asked.push(reply);
    if (reply === 'Oh.') throw new Error('off the rubric');
    const n = Math.min(10, reply.length % 11);
    return { engagement: n, fluency: n, comforting: n, appropriateness: n, suggestion: n };
  }
  async dispose(): Promise<void> {}
}

describe('resuming quality scores from the checkpoint', () => {
  it('asks the judge only for the replies an interrupted run had not rated', async () => {
    const out = join(dir, 'judge');
    const settings = { data: 'x.tsv', predictions: 'p.jsonl' };
    const down = new ScriptedJudge(2);
    await expect(
      scoreQuality([result], {
        examples,
        judge: down,
        judgeLimit: 10,
        progress: quiet,
        checkpoint: await Checkpoint.open(out, settings),
      }),
    ).rejects.toThrow(JudgeError);
    expect(down.asked).toEqual(replies.slice(0, 2));

    const back = new ScriptedJudge();
    const [scored] = await scoreQuality([result], {
      examples,
      judge: back,
      judgeLimit: 10,
      progress: quiet,
      checkpoint: await Checkpoint.open(out, settings),
    });
    expect(back.asked).toEqual(replies.slice(2));
    expect(scored?.quality?.judge).toMatchObject({ rated: 3, failed: 1 });
    // A third run asks nothing: the failed rating is kept as failed, too.
    const idle = new ScriptedJudge(0);
    const [again] = await scoreQuality([result], {
      examples,
      judge: idle,
      judgeLimit: 10,
      progress: quiet,
      checkpoint: await Checkpoint.open(out, settings),
    });
    expect(again?.quality?.judge).toEqual(scored?.quality?.judge);
    // A changed reply is a different reply: it is rated again.
    const changed = { ...result, records: [{ ...records[0]!, reply: 'I am here.' }] };
    const fresh = new ScriptedJudge();
    await scoreQuality([changed], {
      examples,
      judge: fresh,
      judgeLimit: 10,
      progress: quiet,
      checkpoint: await Checkpoint.open(out, settings),
    });
    expect(fresh.asked).toEqual(['I am here.']);
  });

  describe('with the tiny GGUF embedding model', () => {
    let modelPath: string;
    beforeAll(async () => {
      modelPath = join(dir, 'tiny.gguf');
      await makeTestModel({ outPath: modelPath, seed: 1 });
    });

    it('reuses the similarities already computed', async () => {
      const out = join(dir, 'embedding');
      const settings = { data: 'x.tsv', predictions: 'p.jsonl' };
      const embedder = await EmbeddingScorer.load(modelPath, 1);
      let first: SystemResult | undefined;
      try {
        [first] = await scoreQuality([result], {
          examples,
          embedder,
          judgeLimit: 10,
          progress: quiet,
          checkpoint: await Checkpoint.open(out, settings),
        });
      } finally {
        await embedder.dispose();
      }
      const lines = readFileSync(join(out, 'checkpoint.jsonl'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1 + replies.length);
      // The model is gone: every score must come from the checkpoint.
      const unavailable = {
        modelPath: embedder.modelPath,
        similarity: (): Promise<number> => Promise.reject(new Error('recomputed')),
      };
      const [resumed] = await scoreQuality([result], {
        examples,
        embedder: unavailable,
        judgeLimit: 10,
        progress: quiet,
        checkpoint: await Checkpoint.open(out, settings),
      });
      expect(resumed?.quality?.embeddingSimilarity).toBe(first?.quality?.embeddingSimilarity);
      expect(first?.quality?.embeddingSimilarity).toBeGreaterThan(0);
    });
  });
});
