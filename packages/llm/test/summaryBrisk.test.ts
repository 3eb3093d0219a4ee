// The summary strategy in a brisk conversation, on the real tiny model: the next turn arrives
// while the background summary of the evicted turns is still being written. The turn must not
// wait for it: it runs as a window (and says so), and the summary is used once it is ready.
import { describe, expect, it } from '@jest/globals';
import type { ReplyResult } from '../src/types.js';
import {
  chattyUtterance as utterance,
  shortSampling as sampling,
  smallContextSize as contextSize,
} from './support/overflowingContext.js';
import { useSharedEngine } from './support/sharedEngine.js';

const context = { strategy: 'summary', keepRecentTurns: 2 } as const;
const sessionId = 'brisk';

/** Whether `promise` is still pending after the event loop has turned once. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

describe('summary strategy in a brisk conversation', () => {
  const shared = useSharedEngine({ contextSize, maxSessions: 1, summaryMaxTokens: 24 });

  const turn = (i: number): Promise<ReplyResult> =>
    shared.engine.generate(
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
    expect(await pending(shared.engine.summariesIdle())).toBe(true);

    // The next turns arrive while it runs: each stops it (to be redone later) and goes on.
    const brisk: ReplyResult[] = [];
    for (let k = 0; k < 2; k += 1) {
      brisk.push(await turn(i));
      i += 1;
      // Returned with no summary ready, so it cannot have waited for one.
      expect(shared.engine.sessionSummary(sessionId)).toBe('');
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
    await shared.engine.summariesIdle();
    const summary = shared.engine.sessionSummary(sessionId);
    expect(summary.length).toBeGreaterThan(0);
    const after = await turn(i);
    expect(after.fallback).toBe(false);
    expect(after.contextStrategy).toBe('summary');
    // In the history the model was prompted with (appended, or beside the system prompt when
    // this turn compacted again).
    const history = shared.engine.sessionHistory(sessionId);
    expect(history.some((item) => item.type === 'system' && item.text.includes(summary))).toBe(
      true,
    );
  });
});
