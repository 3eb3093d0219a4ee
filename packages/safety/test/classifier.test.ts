import { describe, expect, it } from '@jest/globals';
import {
  SafetyScreener,
  askClassifier,
  combineWithAnswer,
  combineWithClassifier,
  type ClassifierVerdict,
  type RiskClassifier,
} from '../src/index.js';

function stub(verdict: ClassifierVerdict | Error | 'hang'): RiskClassifier {
  return {
    name: 'stub',
    classify: (_text, { signal }) =>
      verdict === 'hang'
        ? new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : verdict instanceof Error
          ? Promise.reject(verdict)
          : Promise.resolve(verdict),
  };
}

describe('the model-based classifier', () => {
  it('may raise the level', async () => {
    const screener = new SafetyScreener({
      classifier: stub({ level: 'high', category: 'suicidal_ideation', reason: 'stub says so' }),
    });
    const result = await screener.screenWithClassifier('I feel so empty lately');
    expect(result).toMatchObject({ level: 'high', category: 'suicidal_ideation' });
    expect(result.reasons.at(-1)).toBe('classifier stub raised to high: stub says so');
    expect(result.rules.at(-1)).toBe('classifier:high');
  });

  it('never lowers it', async () => {
    const screener = new SafetyScreener({ classifier: stub({ level: 'none', category: null }) });
    const result = await screener.screenWithClassifier('I want to kill myself');
    expect(result.level).toBe('high');
    expect(result.reasons.at(-1)).toMatch(/ignored, a model never lowers the level/);
  });

  it('keeps the deterministic result when the model fails or is too slow', async () => {
    const failing = new SafetyScreener({ classifier: stub(new Error('model not loaded')) });
    const failed = await failing.screenWithClassifier('I want to die');
    expect(failed.level).toBe('high');
    expect(failed.reasons.at(-1)).toBe('classifier stub failed (model not loaded)');
    const slow = new SafetyScreener({ classifier: stub('hang'), classifierTimeoutMs: 20 });
    const timedOut = await slow.screenWithClassifier('I want to die');
    expect(timedOut.level).toBe('high');
    expect(timedOut.reasons.at(-1)).toBe('classifier stub timed out after 20 ms');
  });

  it('remembers the raised level in the session window', async () => {
    const screener = new SafetyScreener({
      classifier: stub({ level: 'high', category: 'self_harm' }),
    });
    await screener.screenWithClassifier('everything hurts', { sessionId: 's' });
    expect(screener.screen("I can't go on like this", { sessionId: 's' }).level).toBe('high');
  });

  it('combines as a pure function too', () => {
    const base = { level: 'low', category: 'suicidal_ideation', reasons: [], rules: [] } as const;
    expect(combineWithClassifier(base, { level: 'moderate', category: null }, 'm')).toMatchObject({
      level: 'moderate',
      category: 'suicidal_ideation',
    });
    expect(combineWithClassifier(base, { level: 'low', category: null }, 'm')).toBe(base);
  });

  it('answers what went wrong rather than throwing', async () => {
    expect(await askClassifier(stub(new Error('boom')), 'x', 50)).toEqual({
      kind: 'error',
      message: 'boom',
    });
    expect(await askClassifier(stub('hang'), 'x', 5)).toEqual({ kind: 'timeout', timeoutMs: 5 });
    const verdict = { level: 'moderate', category: 'self_harm' } as const;
    expect(await askClassifier(stub(verdict), 'x', 50)).toEqual({ kind: 'verdict', verdict });
    const base = { level: 'high', category: 'abuse', reasons: ['r'], rules: ['a'] } as const;
    expect(combineWithAnswer(base, { kind: 'timeout', timeoutMs: 5 }, 'm')).toEqual({
      ...base,
      reasons: ['r', 'classifier m timed out after 5 ms'],
    });
  });

  it('remembers a late raise of the latest turn, and never lowers it', () => {
    const screener = new SafetyScreener();
    const first = screener.screen('everything hurts', { sessionId: 's' });
    expect(first.level).toBe('none');
    screener.rememberRaised('s', { ...first, level: 'high', category: 'self_harm' });
    screener.rememberRaised('s', { ...first, level: 'low' });
    expect(screener.screen("I can't go on like this", { sessionId: 's' }).level).toBe('high');
  });
});
