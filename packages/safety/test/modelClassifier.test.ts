/**
 * The model-based classifier on a real GGUF model loaded by node-llama-cpp: the tiny random test
 * model writes nonsense, but the JSON grammar forces a valid verdict, and the screener only lets
 * it raise the deterministic level.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeTestModel } from '@hearth/gguf';
import {
  LlamaRiskClassifier,
  RiskClassifierModelError,
  SafetyScreener,
  isRiskLevel,
  levelRank,
} from '../src/index.js';

const messages = [
  'this traffic is killing me',
  'I feel so empty lately',
  'I want to kill myself',
  'I have the pills here and tonight is the night',
];

describe('LlamaRiskClassifier on a real GGUF model', () => {
  let dir = '';
  let classifier: LlamaRiskClassifier | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-risk-classifier-'));
    const modelPath = join(dir, 'tiny.gguf');
    await makeTestModel({ outPath: modelPath, seed: 3 });
    classifier = await LlamaRiskClassifier.load(modelPath, { threads: 1 });
  });

  afterAll(async () => {
    await classifier?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a valid verdict, and the combined level is never below the screen', async () => {
    const verdict = await classifier!.classify('I feel so empty lately', {
      signal: new AbortController().signal,
    });
    expect(isRiskLevel(verdict.level)).toBe(true);
    const plain = new SafetyScreener();
    const withModel = new SafetyScreener({ classifier, classifierTimeoutMs: 30_000 });
    for (const text of messages) {
      const screened = plain.screen(text);
      const combined = await withModel.screenWithClassifier(text);
      expect(levelRank(combined.level)).toBeGreaterThanOrEqual(levelRank(screened.level));
      expect(combined.reasons.slice(0, screened.reasons.length)).toEqual(screened.reasons);
      if (combined.level !== screened.level)
        expect(combined.rules).toContain(`classifier:${combined.level}`);
    }
  });

  it('leaves the screen result when the model is too slow', async () => {
    const screener = new SafetyScreener({ classifier, classifierTimeoutMs: 1 });
    const screened = new SafetyScreener().screen('I want to kill myself');
    const result = await screener.screenWithClassifier('I want to kill myself');
    expect(result).toMatchObject({ level: screened.level, category: screened.category });
    expect(result.rules).toEqual(screened.rules);
    expect(result.reasons.at(-1)).toBe(`classifier ${classifier!.name} timed out after 1 ms`);
    // The aborted call does not jam the queue: the next one answers.
    const next = await classifier!.classify('hello', { signal: new AbortController().signal });
    expect(isRiskLevel(next.level)).toBe(true);
  });

  it('names a missing model file', async () => {
    const missing = join(dir, 'no-such-classifier.gguf');
    const loading = LlamaRiskClassifier.load(missing);
    await expect(loading).rejects.toBeInstanceOf(RiskClassifierModelError);
    await expect(loading).rejects.toThrow(missing);
    await expect(loading).rejects.toThrow(/risk_classifier_model/);
  });
});
