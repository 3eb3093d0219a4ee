// Embedding similarity and the LLM judge: the maths by hand, the local parts on the tiny GGUF
// model through node-llama-cpp, the OpenAI-compatible judge against a local HTTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import type { Utterance } from '../src/data/types.js';
import { EmbeddingScorer, cosineSimilarity } from '../src/quality/EmbeddingScorer.js';
import { JudgeError } from '../src/quality/Judge.js';
import { JudgeCriteria, parseJudgeScores } from '../src/quality/judgeRubric.js';
import { LocalJudge } from '../src/quality/LocalJudge.js';
import { OpenAiJudge } from '../src/quality/OpenAiJudge.js';
import { scoreQuality } from '../src/quality/scoreQuality.js';
import { scoreReplies } from '../src/metrics/scoreReplies.js';
import type { SystemResult } from '../src/run/runEvaluation.js';

const context: Utterance[] = [{ speaker: 'seeker', text: 'I lost my job today.', strategy: '' }];

describe('cosineSimilarity', () => {
  it('matches hand-computed values', () => {
    // [1,0]·[1,1] = 1; |a| = 1, |b| = √2 -> 1/√2.
    expect(cosineSimilarity([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 10);
    // [1,2,3]·[4,5,6] = 32; √14 · √77 = √1078 -> 32/√1078 = 0.974632.
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(0.974632, 6);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });
});

describe('parseJudgeScores', () => {
  it('accepts integers 0..10 for every criterion and names what is wrong otherwise', () => {
    const good = { engagement: 7, fluency: 10, comforting: 0, appropriateness: 5, suggestion: 3 };
    expect(parseJudgeScores(good)).toEqual(good);
    expect(() => parseJudgeScores({ ...good, fluency: 11 })).toThrow(/"fluency" is 11/);
    expect(() => parseJudgeScores({ ...good, comforting: 2.5 })).toThrow(/"comforting"/);
    expect(() => parseJudgeScores('7')).toThrow(/not an object/);
  });
});

describe('with the tiny GGUF model', () => {
  let dir: string;
  let modelPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-eval-quality-'));
    modelPath = join(dir, 'tiny.gguf');
    await makeTestModel({ outPath: modelPath, seed: 1 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedding similarity: 100 for replies equal to the gold, less for others', async () => {
    const embedder = await EmbeddingScorer.load(modelPath, 1);
    try {
      expect(await embedder.similarity('I hear you.', 'I hear you.')).toBeCloseTo(1, 5);
      const records = [
        {
          system: 's',
          id: 0,
          gold: 'I hear you.',
          goldStrategy: '',
          reply: 'I hear you.',
          predictedStrategy: '',
          contextUtterances: 1,
        },
        {
          system: 's',
          id: 1,
          gold: 'That sounds hard.',
          goldStrategy: '',
          reply: 'That sounds hard.',
          predictedStrategy: '',
          contextUtterances: 1,
        },
      ];
      const result: SystemResult = {
        name: 's',
        history: 'given',
        metrics: scoreReplies(records),
        records,
      };
      const [scored] = await scoreQuality([result], { examples: [], embedder, judgeLimit: 10 });
      expect(scored?.quality?.embeddingSimilarity).toBeCloseTo(100, 3);
      expect(scored?.quality?.judge).toBeNull();
      expect(await embedder.similarity('I hear you.', 'The train leaves at noon.')).toBeLessThan(
        0.999,
      );
    } finally {
      await embedder.dispose();
    }
  });

  it('local judge: the grammar forces an answer with every criterion an integer 0..10', async () => {
    const judge = await LocalJudge.load(modelPath, 1);
    try {
      const scores = await judge.rate(context, 'I am so sorry. Do you want to talk about it?');
      for (const criterion of JudgeCriteria) {
        expect(Number.isInteger(scores[criterion])).toBe(true);
        expect(scores[criterion]).toBeGreaterThanOrEqual(0);
        expect(scores[criterion]).toBeLessThanOrEqual(10);
      }
    } finally {
      await judge.dispose();
    }
  });
});

describe('OpenAI-compatible judge', () => {
  let server: Server;
  let baseUrl: string;
  const requests: { url: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  let answer =
    '{"engagement": 8, "fluency": 9, "comforting": 7, "appropriateness": 10, "suggestion": 2}';

  const read = async (request: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      void read(request).then((text) => {
        requests.push({
          url: request.url ?? '',
          auth: request.headers.authorization,
          body: JSON.parse(text) as Record<string, unknown>,
        });
        if (answer === 'HTTP 500') {
          response.writeHead(500).end('overloaded');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer } }] }),
        );
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  it('asks for the rubric as a JSON schema and reads the scores', async () => {
    const judge = new OpenAiJudge({ baseUrl, model: 'judge-7b', apiKey: 'test-key' });
    expect(await judge.rate(context, 'That must be hard.')).toEqual({
      engagement: 8,
      fluency: 9,
      comforting: 7,
      appropriateness: 10,
      suggestion: 2,
    });
    const [request] = requests;
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.auth).toBe('Bearer test-key');
    expect(request?.body).toMatchObject({
      model: 'judge-7b',
      temperature: 0,
      response_format: { type: 'json_schema' },
    });
    expect(JSON.stringify(request?.body.messages)).toContain('Seeker: I lost my job today.');
  });

  it('an answer off the rubric fails that reply only; an HTTP error stops with a JudgeError', async () => {
    const judge = new OpenAiJudge({ baseUrl, model: 'judge-7b' });
    const records = [0, 1].map((id) => ({
      system: 's',
      id,
      gold: 'g',
      goldStrategy: '',
      reply: 'r',
      predictedStrategy: '',
      contextUtterances: 1,
    }));
    const result: SystemResult = {
      name: 's',
      history: 'given',
      metrics: scoreReplies(records),
      records,
    };
    answer = '{"engagement": 12}';
    const [scored] = await scoreQuality([result], { examples: [], judge, judgeLimit: 10 });
    expect(scored?.quality?.judge).toMatchObject({ rated: 0, failed: 2 });
    answer = 'HTTP 500';
    await expect(judge.rate(context, 'r')).rejects.toThrow(JudgeError);
    await expect(judge.rate(context, 'r')).rejects.toThrow(/HTTP 500: overloaded/);
  });
});
