// The summary strategy in a brisk conversation, on the real tiny model: the next turn arrives
// while the background summary of the evicted turns is still being written. The turn must not
// wait for it: it runs as a window (and says so), and the summary is used once it is ready.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import type { ReplyResult } from '../src/types.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

const contextSize = 384;
const sampling = { maxTokens: 8, seed: 3, temperature: 0 };
const context = { strategy: 'summary', keepRecentTurns: 2 } as const;
const sessionId = 'brisk';
const utterance = (i: number): string =>
  `Well, I think that it was the ${i}th time that I had to go there and it was not easy for me.`;

/** Whether `promise` is still pending after the event loop has turned once. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

describe('summary strategy in a brisk conversation', () => {
  let model: TestModelDir;
  let engine: LlamaEngine;

  beforeAll(async () => {
    model = await writeTestModel();
    engine = await LlamaEngine.load({
      modelPath: model.modelPath,
      threads: 1,
      contextSize,
      maxSessions: 1,
      summaryMaxTokens: 24,
    });
  });

  afterAll(async () => {
    await engine?.dispose();
    model?.remove();
  });

  const turn = (i: number): Promise<ReplyResult> =>
    engine.generate(
      { sessionId, userText: utterance(i) },
      { sampling, personaPrompt: 'You are a kind companion.', context },
    );

  it('answers without waiting for the summary, as a window, then uses the summary once ready', async () => {
    // Turns back to back, never pausing for the background summary, until one evicts turns.
    const results: ReplyResult[] = [];
    let i = 0;
    while (!results.some((r) => r.contextCompacted)) {
      expect(i).toBeLessThan(12);
      results.push(await turn(i));
      i += 1;
    }
    // The eviction queued the evicted turns for a summary, which is now being written.
    expect(await pending(engine.summariesIdle())).toBe(true);

    // The next turns arrive while it runs: each stops it (to be redone later) and goes on.
    const brisk: ReplyResult[] = [];
    for (let k = 0; k < 2; k += 1) {
      brisk.push(await turn(i));
      i += 1;
      // Returned with no summary ready, so it cannot have waited for one.
      expect(engine.sessionSummary(sessionId)).toBe('');
    }
    for (const result of brisk) {
      expect(result.fallback).toBe(false);
      expect(result.cancelled).toBe(false);
      expect(result.generatedTokens).toBeGreaterThan(0);
      // What was actually used: the window, since no summary was ready.
      expect(result.contextStrategy).toBe('window');
      // Not delayed: no slower than the quiet turns before it, give or take a busy machine.
      const quiet = results.filter((r) => !r.contextCompacted).map((r) => r.totalMs);
      expect(result.totalMs).toBeLessThan(3 * Math.max(...quiet) + 500);
    }
    expect(results.every((r) => r.contextStrategy === 'window')).toBe(true);

    // A pause: the summary is written in the background, and the next turn uses it.
    await engine.summariesIdle();
    const summary = engine.sessionSummary(sessionId);
    expect(summary.length).toBeGreaterThan(0);
    const after = await turn(i);
    expect(after.fallback).toBe(false);
    expect(after.contextStrategy).toBe('summary');
    // In the history the model was prompted with (appended, or beside the system prompt when
    // this turn compacted again).
    const history = engine.sessionHistory(sessionId);
    expect(history.some((item) => item.type === 'system' && item.text.includes(summary))).toBe(
      true,
    );
  });
});
