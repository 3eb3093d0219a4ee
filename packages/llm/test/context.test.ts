// Context management with the real tiny model and a small context, so that the history
// overflows within a few turns: every strategy keeps the session answering past the context
// size, stopwords keeps more utterances than window, and most turns reuse the cached prefix.
import { describe, expect, it } from '@jest/globals';
import type { ContextStrategyName } from '../src/context/ContextOptions.js';
import type { ReplyResult } from '../src/types.js';
import {
  chattyUtterance as utterance,
  shortSampling as sampling,
  smallContextSize as contextSize,
} from './support/overflowingContext.js';
import { useSharedEngine } from './support/sharedEngine.js';

const personaPrompt = 'You are a kind companion.';

describe('context strategies with a real model', () => {
  const shared = useSharedEngine({ contextSize, maxSessions: 4, summaryMaxTokens: 24 });

  async function converse(strategy: ContextStrategyName, turns: number): Promise<ReplyResult[]> {
    const results: ReplyResult[] = [];
    for (let i = 0; i < turns; i += 1) {
      results.push(
        await shared.engine.generate(
          { sessionId: strategy, userText: utterance(i) },
          { sampling, personaPrompt, context: { strategy, keepRecentTurns: 2 } },
        ),
      );
      if (strategy === 'summary') await shared.engine.summariesIdle();
    }
    return results;
  }

  const turns = 10;
  const byStrategy = new Map<ContextStrategyName, ReplyResult[]>();

  it.each(['window', 'stopwords', 'summary'] as const)(
    '%s keeps the session answering past the context size, mostly from the cached prefix',
    async (strategy) => {
      const results = await converse(strategy, turns);
      byStrategy.set(strategy, results);
      const evaluated = results.reduce((sum, r) => sum + r.promptTokensEvaluated, 0);
      expect(evaluated).toBeGreaterThan(contextSize); // the conversation outgrew the context
      for (const result of results) {
        expect(result.cancelled).toBe(false);
        expect(result.fallback).toBe(false);
        expect(result.generatedTokens).toBeGreaterThan(0);
        expect(result.promptTokensEvaluated + result.generatedTokens).toBeLessThanOrEqual(
          contextSize,
        );
      }
      const compactions = results.filter((r) => r.contextCompacted).length;
      expect(compactions).toBeGreaterThan(0);
      // Batch eviction: most turns keep the prefix and evaluate only their own words.
      expect(compactions).toBeLessThan(results.length / 2);
      // A turn is about 75 tokens; the turn that appends a new summary also evaluates it.
      const limit = strategy === 'summary' ? 100 + 24 + 40 : 100;
      const quick = results.filter((r) => !r.contextCompacted).slice(1);
      for (const result of quick) expect(result.promptTokensEvaluated).toBeLessThan(limit);
    },
  );

  it('stopwords keeps more utterances in the context than window', () => {
    const kept = (strategy: ContextStrategyName): number => {
      const results = byStrategy.get(strategy) ?? [];
      const after = results.slice(results.findIndex((r) => r.contextCompacted));
      return after.reduce((sum, r) => sum + r.historyUtterances, 0) / after.length;
    };
    expect(kept('stopwords')).toBeGreaterThan(kept('window'));
  });

  it('summary writes a summary in the background and puts it in the history', () => {
    const results = byStrategy.get('summary') ?? [];
    expect(shared.engine.sessionSummary('summary').length).toBeGreaterThan(0);
    expect(results.some((r) => r.contextStrategy === 'summary')).toBe(true);
    // Until the first summary is ready, it falls back to window.
    expect(results.find((r) => r.contextCompacted)?.contextStrategy).toBe('window');
  });
});
