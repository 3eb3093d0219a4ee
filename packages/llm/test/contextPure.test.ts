// Context management without a model: stopword stripping, compaction and the per-strategy
// utterance count, with a whitespace "tokenizer" standing in for the model's.
import { describe, expect, it } from '@jest/globals';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { compactHistory } from '../src/context/compactHistory.js';
import { splitHistory, summaryItem } from '../src/context/historyTurns.js';
import { stripStopwords } from '../src/context/stopwords.js';
import { utterancesThatFit } from '../src/context/utterancesThatFit.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const countHistory = (history: readonly ChatHistoryItem[]): number =>
  history.reduce((sum, item) => {
    if (item.type === 'model') {
      return sum + 1 + words(item.response.filter((p) => typeof p === 'string').join(' '));
    }
    return sum + 1 + words(typeof item.text === 'string' ? item.text : '');
  }, 0);

function turn(user: string, reply: string): ChatHistoryItem[] {
  return [
    { type: 'user', text: user },
    { type: 'model', response: [reply] },
  ];
}

const chatty = 'I was at the store and then I went to the park with my sister because it was sunny';

describe('stripStopwords', () => {
  it('drops function words, keeps content words, negation and punctuation', () => {
    expect(stripStopwords('I am not sure that I can do this, because it is so hard.')).toBe(
      'not sure so hard.',
    );
    expect(stripStopwords('The and of')).toBe('');
  });
});

describe('splitHistory', () => {
  it('separates the system prompt from turns and leaves summaries out', () => {
    const history: ChatHistoryItem[] = [
      { type: 'system', text: 'persona' },
      summaryItem('they talked'),
      ...turn('a', 'b'),
      { type: 'system', text: 'be gentle' },
      ...turn('c', 'd'),
    ];
    const { head, turns } = splitHistory(history);
    expect(head).toEqual([{ type: 'system', text: 'persona' }]);
    expect(turns).toHaveLength(2);
    expect(turns[1]?.[0]).toEqual({ type: 'system', text: 'be gentle' });
  });
});

describe('compactHistory', () => {
  const head: ChatHistoryItem[] = [{ type: 'system', text: 'persona' }];
  const turns = Array.from({ length: 8 }, () => turn(chatty, chatty));
  const pending: ChatHistoryItem[] = [{ type: 'user', text: 'hello there' }];
  const base = { head, turns, pending, keepRecentTurns: 2, countTokens: countHistory };

  it('changes nothing under budget', () => {
    const result = compactHistory({ ...base, budget: 10_000, target: 9_000, strategy: 'window' });
    expect(result.compacted).toBe(false);
    expect(result.turns).toEqual(turns);
  });

  it('window drops whole oldest turns down to the target, freeing a batch', () => {
    const budget = 200;
    const result = compactHistory({ ...base, budget, target: 150, strategy: 'window' });
    expect(result.compacted).toBe(true);
    expect(result.tokens).toBeLessThanOrEqual(150);
    expect(result.turns.length + result.evicted.length).toBe(turns.length);
    expect(result.turns).toEqual(turns.slice(result.evicted.length));
  });

  it('stopwords keeps more turns than window and never strips the newest ones', () => {
    const input = { ...base, budget: 200, target: 150 };
    const window = compactHistory({ ...input, strategy: 'window' });
    const stripped = compactHistory({ ...input, strategy: 'stopwords' });
    expect(stripped.turns.length).toBeGreaterThan(window.turns.length);
    expect(stripped.turns.slice(-2)).toEqual(turns.slice(-2));
    expect(stripped.turns[0]?.[0]).toEqual({ type: 'user', text: stripStopwords(chatty) });
  });
});

describe('utterancesThatFit', () => {
  it('counts newest utterances that fit per strategy', () => {
    const utterances = Array.from({ length: 20 }, () => chatty);
    const fit = utterancesThatFit(utterances, words, { budget: 100, keepRecent: 2 });
    expect(fit.window).toBe(Math.floor(100 / words(chatty)));
    expect(fit.stopwords).toBeGreaterThan(fit.window);
    expect(utterancesThatFit([], words, { budget: 10 })).toEqual({
      window: 0,
      stopwords: 0,
      summary: 0,
    });
  });

  it('keeps fewer utterances word for word beside a summary, and all when they fit', () => {
    const utterances = Array.from({ length: 20 }, () => chatty);
    const per = words(chatty);
    const fit = utterancesThatFit(utterances, words, { budget: 10 * per, summaryTokens: 3 * per });
    expect(fit.window).toBe(10);
    expect(fit.summary).toBe(7);
    const short = utterancesThatFit(utterances.slice(0, 5), words, {
      budget: 10 * per,
      summaryTokens: 3 * per,
    });
    expect(short).toEqual({ window: 5, stopwords: 5, summary: 5 });
  });
});
