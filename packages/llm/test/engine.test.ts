// Tests with a real GGUF model through node-llama-cpp: the tiny test model from @hearth/gguf.
// Its text is meaningless; loading, the KV cache, sampling, streaming and stopping are real.
import { describe, expect, it } from '@jest/globals';
import { SentenceSplitter } from '../src/SentenceSplitter.js';
import type { ReplySentence } from '../src/types.js';
import { useSharedEngine } from './support/sharedEngine.js';

// Short replies and a short persona keep the suite quick on a shared CPU; the behaviour does not
// depend on length.
const sampling = { maxTokens: 12, seed: 7 };
const personaPrompt = 'You are a kind companion.';

describe('LlamaEngine with a real GGUF model', () => {
  const shared = useSharedEngine();

  it('loads the model with the threads it was given', () => {
    expect(shared.engine.kind).toBe('model');
    expect(shared.engine.threads).toBe(1);
  });

  it('generates a reply with token counts and timings', async () => {
    const result = await shared.engine.generate(
      { sessionId: 'basic', userText: 'Hello, how are you?' },
      { sampling, personaPrompt },
    );
    expect(result.reply.length).toBeGreaterThan(0);
    expect(result).toMatchObject({
      fallback: false,
      cancelled: false,
      contextStrategy: 'window',
    });
    expect(result.generatedTokens).toBeGreaterThan(0);
    expect(result.generatedTokens).toBeLessThanOrEqual(sampling.maxTokens);
    expect(result.promptTokensEvaluated).toBeGreaterThan(0);
    expect(result.firstTokenMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.firstTokenMs);
    expect(result.tokensPerSecond).toBeGreaterThan(0);
  });

  it('reuses the KV cache: the second turn evaluates only the new tokens', async () => {
    // The default persona: a long system prompt that a second turn must not evaluate again.
    const first = await shared.engine.generate(
      { sessionId: 'kv', userText: 'I feel lonely tonight.' },
      { sampling },
    );
    const second = await shared.engine.generate(
      { sessionId: 'kv', userText: 'Will you stay?' },
      { sampling },
    );
    const historyBeforeReply = shared.engine.sessionTokenCount('kv') - second.generatedTokens;
    expect(second.promptTokensEvaluated).toBeGreaterThan(0);
    expect(second.promptTokensEvaluated).toBeLessThan(historyBeforeReply);
    // The system prompt and the first turn were not evaluated again.
    expect(second.promptTokensEvaluated).toBeLessThan(first.promptTokensEvaluated);
  });

  it('streams the reply as sentences, each before the result', async () => {
    const events: string[] = [];
    const sentences: ReplySentence[] = [];
    const chunks: string[] = [];
    const result = await shared.engine.generate(
      { sessionId: 'stream', userText: 'I could not sleep last night.' },
      {
        sampling,
        personaPrompt,
        onTextChunk: (chunk) => {
          chunks.push(chunk);
          events.push('chunk');
        },
        onSentence: (sentence) => {
          sentences.push(sentence);
          events.push('sentence');
        },
      },
    );
    events.push('result');
    expect(chunks.length).toBeGreaterThan(0);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
    // Exactly the sentences a splitter finds in the whole reply, none lost or merged.
    const splitter = new SentenceSplitter();
    expect(sentences.map((s) => s.text)).toEqual([
      ...splitter.push(result.reply),
      ...splitter.flush(),
    ]);
    expect(events.indexOf('sentence')).toBeLessThan(events.indexOf('result'));
    expect(sentences[0]?.firstTokenMs).toBeCloseTo(result.firstTokenMs, 6);
  });

  it('applies a turn instruction without breaking the session', async () => {
    const result = await shared.engine.generate(
      {
        sessionId: 'instructed',
        userText: 'Today was hard.',
        instruction: 'Be especially gentle.',
      },
      { sampling, personaPrompt },
    );
    expect(result.cancelled).toBe(false);
    expect(result.reply.length).toBeGreaterThan(0);
  });

  it('stops within a token when the signal aborts, and speaks nothing after', async () => {
    const controller = new AbortController();
    const maxTokens = 200;
    let tokensAtAbort = -1;
    let chunks = 0;
    const sentencesAfterAbort: ReplySentence[] = [];
    const result = await shared.engine.generate(
      { sessionId: 'cancel', userText: 'Tell me about your day.' },
      {
        signal: controller.signal,
        sampling: { maxTokens, seed: 11 },
        personaPrompt,
        onTextChunk: () => {
          chunks += 1;
          if (chunks === 3) {
            tokensAtAbort = chunks;
            controller.abort();
          }
        },
        onSentence: (sentence) => {
          if (controller.signal.aborted) sentencesAfterAbort.push(sentence);
        },
      },
    );
    expect(result.cancelled).toBe(true);
    expect(tokensAtAbort).toBe(3);
    // Each chunk is one token here; one more may already have been sampled when abort landed.
    expect(result.generatedTokens).toBeLessThanOrEqual(tokensAtAbort + 1);
    expect(result.generatedTokens).toBeLessThan(maxTokens);
    expect(result.reply.length).toBeGreaterThan(0);
    expect(sentencesAfterAbort).toEqual([]);

    // The session goes on after a cancel.
    const next = await shared.engine.generate(
      { sessionId: 'cancel', userText: 'Sorry.' },
      { sampling, personaPrompt },
    );
    expect(next.cancelled).toBe(false);
  });

  it('returns a cancelled empty reply when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await shared.engine.generate(
      { sessionId: 'early', userText: 'Hello' },
      { signal: controller.signal, sampling, personaPrompt },
    );
    expect(result).toMatchObject({ cancelled: true, reply: '', generatedTokens: 0 });
  });

  it('keeps a listener that throws from breaking generation', async () => {
    const result = await shared.engine.generate(
      { sessionId: 'throwing', userText: 'Hello' },
      {
        sampling,
        personaPrompt,
        onTextChunk: () => {
          throw new Error('listener broke');
        },
      },
    );
    expect(result.cancelled).toBe(false);
    expect(result.generatedTokens).toBeGreaterThan(0);
  });

  it('changes sampling from one turn to the next', async () => {
    const short = await shared.engine.generate(
      { sessionId: 'sampling', userText: 'Hi' },
      { sampling: { maxTokens: 3, seed: 1 }, personaPrompt },
    );
    expect(short.generatedTokens).toBeLessThanOrEqual(3);
  });
});
