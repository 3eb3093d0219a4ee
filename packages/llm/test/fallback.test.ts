import { describe, expect, it } from '@jest/globals';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import { replyBank } from '../src/fallback/replyBank.js';
import { detectTopics } from '../src/fallback/topics.js';
import { EsconvStrategies } from '../src/strategies.js';
import type { ReplySentence } from '../src/types.js';

describe('detectTopics', () => {
  it.each([
    ['My husband passed away last spring', 'grief'],
    ['I feel so lonely in this flat', 'loneliness'],
    ["I'm worried about my test results", 'anxiety'],
    ['I have been feeling down all week', 'sadness'],
    ["I can't sleep at night", 'sleep'],
    ['Hello there!', 'greeting'],
    ['Thank you, that helps', 'thanks'],
    ['Goodbye, talk later', 'goodbye'],
    ['The weather is grey', 'general'],
  ])('%s -> %s', (text, topic) => {
    expect(detectTopics(text)[0]).toBe(topic);
  });

  it('prefers the feeling over the greeting', () => {
    expect(detectTopics('Hi, I have been so lonely')[0]).toBe('loneliness');
  });
});

describe('the reply bank', () => {
  it('has four to eight replies for each ESConv strategy', () => {
    for (const strategy of EsconvStrategies) {
      expect(replyBank[strategy].length).toBeGreaterThanOrEqual(4);
      expect(replyBank[strategy].length).toBeLessThanOrEqual(8);
    }
  });

  it('keeps every reply short and free of clinical words', () => {
    for (const reply of Object.values(replyBank).flat()) {
      expect(reply.text.length).toBeLessThan(120);
      expect(reply.text).not.toMatch(/\b(patient|symptom|disorder|diagnos\w*|user)\b/i);
    }
  });
});

describe('FallbackResponder', () => {
  it('answers grief with a reply written for grief, marked fallback', async () => {
    const responder = new FallbackResponder({ random: () => 0 });
    const result = await responder.generate({
      sessionId: 's',
      userText: 'My mother died last month',
    });
    const griefReplies = Object.values(replyBank)
      .flat()
      .filter((reply) => reply.topics.includes('grief'))
      .map((reply) => reply.text);
    expect(griefReplies).toContain(result.reply);
    expect(result).toMatchObject({ fallback: true, cancelled: false, contextStrategy: 'fallback' });
    expect(EsconvStrategies).toContain(result.strategy);
  });

  it('never repeats itself twice in a row within a session', async () => {
    const responder = new FallbackResponder({ random: () => 0 });
    const replies: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      replies.push((await responder.generate({ sessionId: 's', userText: 'I feel lonely' })).reply);
    }
    for (let i = 1; i < replies.length; i += 1) expect(replies[i]).not.toBe(replies[i - 1]);
  });

  it('streams the reply sentence by sentence', async () => {
    const responder = new FallbackResponder({ random: () => 0 });
    const sentences: ReplySentence[] = [];
    const result = await responder.generate(
      { sessionId: 's', userText: 'Hello!' },
      { onSentence: (sentence) => sentences.push(sentence) },
    );
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
    expect(sentences.map((s) => s.text).join(' ')).toBe(result.reply);
  });

  it('returns a cancelled empty reply when already cancelled', async () => {
    const responder = new FallbackResponder();
    const controller = new AbortController();
    controller.abort();
    const sentences: ReplySentence[] = [];
    const result = await responder.generate(
      { sessionId: 's', userText: 'Hello' },
      { signal: controller.signal, onSentence: (s) => sentences.push(s) },
    );
    expect(result).toMatchObject({ cancelled: true, reply: '' });
    expect(sentences).toEqual([]);
  });

  it('survives a throwing listener', async () => {
    const errors: unknown[] = [];
    const responder = new FallbackResponder({ onListenerError: (error) => errors.push(error) });
    const result = await responder.generate(
      { sessionId: 's', userText: 'Hello' },
      {
        onSentence: () => {
          throw new Error('listener broke');
        },
      },
    );
    expect(result.reply).not.toBe('');
    expect(errors.length).toBeGreaterThan(0);
  });
});
