// After a barge-in the session keeps only what the person heard of the interrupted reply, with
// the real tiny GGUF model: the history and the KV cache both hold the heard text, not the rest.
import { describe, expect, it } from '@jest/globals';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { interruptionNote, withHeardReply } from '../src/context/heardReply.js';
import { useSharedEngine } from './support/sharedEngine.js';

const sampling = { maxTokens: 16, seed: 3, temperature: 0 };
const personaPrompt = 'You are a kind companion.';

function replies(history: readonly ChatHistoryItem[]): string[] {
  return history.flatMap((item) =>
    item.type === 'model' ? [item.response.filter((p) => typeof p === 'string').join('')] : [],
  );
}

describe('withHeardReply', () => {
  const history: ChatHistoryItem[] = [
    { type: 'system', text: 'Be kind.' },
    { type: 'user', text: 'Hi' },
    { type: 'model', response: ['[Question] How are you feeling today, my friend?'] },
  ];

  it('replaces the last reply by the heard part, keeping its strategy tag', () => {
    expect(withHeardReply(history, ' How are you ')).toEqual([
      ...history.slice(0, 2),
      { type: 'model', response: ['[Question] How are you'] },
    ]);
  });

  it('changes nothing when the history does not end with a reply', () => {
    expect(withHeardReply(history.slice(0, 2), 'How')).toBeUndefined();
    expect(withHeardReply([], 'How')).toBeUndefined();
  });
});

describe('a barge-in on the real tiny model', () => {
  const shared = useSharedEngine();

  it('keeps only the heard words of a whole reply the person interrupted while it was spoken', async () => {
    const first = await shared.engine.generate(
      { sessionId: 'spoken', userText: 'I had a hard day at work.' },
      { sampling, personaPrompt },
    );
    const words = first.reply.split(/\s+/).filter((w) => w !== '');
    expect(words.length).toBeGreaterThanOrEqual(4);
    const heard = words.slice(0, 2).join(' ');
    const unheard = words.slice(2).join(' ');

    const second = await shared.engine.generate(
      { sessionId: 'spoken', userText: 'Sorry, can I say something?', previousReplyHeard: heard },
      { sampling, personaPrompt },
    );
    expect(second.cancelled).toBe(false);
    const history = shared.engine.sessionHistory('spoken');
    expect(replies(history)[0]).toBe(heard);
    // The model is told why its reply stops there, in the turn before the person's words.
    const userIndex = history.findIndex(
      (item) => item.type === 'user' && item.text === 'Sorry, can I say something?',
    );
    expect(history[userIndex - 1]).toEqual({ type: 'system', text: interruptionNote });
    // The KV cache was cut at the change: it holds the heard words, the note and the new turn,
    // and nothing of the part the person never heard.
    const cached = shared.engine.sessionCachedText('spoken');
    expect(cached).toContain(heard);
    expect(cached).not.toContain(unheard);
    expect(cached.indexOf(heard)).toBeLessThan(cached.indexOf(interruptionNote));
    expect(cached).toContain('Sorry, can I say something?');
    // ... and no sooner: the system prompt and the first words of the person stayed cached.
    const cachedBeforeReply = shared.engine.sessionTokenCount('spoken') - second.generatedTokens;
    expect(second.promptTokensEvaluated).toBeLessThan(cachedBeforeReply);
    expect(second.historyUtterances).toBe(4);
  });

  it('keeps the heard words of a reply cancelled while it was generated', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const first = await shared.engine.generate(
      { sessionId: 'cancelled', userText: 'I feel lonely tonight.' },
      {
        sampling: { ...sampling, maxTokens: 32 },
        personaPrompt,
        signal: controller.signal,
        onTextChunk: () => {
          chunks += 1;
          if (chunks === 6) controller.abort();
        },
      },
    );
    expect(first.cancelled).toBe(true);
    const stored = replies(shared.engine.sessionHistory('cancelled'))[0] ?? '';
    const heard = stored.trim().split(/\s+/)[0] ?? '';
    expect(heard).not.toBe('');

    await shared.engine.generate(
      { sessionId: 'cancelled', userText: 'Are you there?', previousReplyHeard: heard },
      { sampling, personaPrompt },
    );
    const history = shared.engine.sessionHistory('cancelled');
    expect(replies(history)[0]).toBe(heard);
    expect(history.filter((item) => item.type === 'system').map((i) => i.text)).toContain(
      interruptionNote,
    );
  });

  it('keeps an ellipsis for a reply cut before its first word was heard', async () => {
    await shared.engine.generate(
      { sessionId: 'unheard', userText: 'Tell me a story.' },
      { sampling, personaPrompt },
    );
    await shared.engine.generate(
      {
        sessionId: 'unheard',
        userText: 'Wait, one thing.',
        previousReplyHeard: '',
        previousReplyInterrupted: true,
      },
      { sampling, personaPrompt },
    );
    const history = shared.engine.sessionHistory('unheard');
    expect(replies(history)[0]).toMatch(/^(\[[^\]]+\] )?…$/);
    expect(history.filter((item) => item.type === 'system').map((i) => i.text)).toContain(
      interruptionNote,
    );
  });

  it('leaves the history alone when the previous reply was heard whole', async () => {
    await shared.engine.generate(
      { sessionId: 'whole', userText: 'Thank you.' },
      { sampling, personaPrompt },
    );
    const before = replies(shared.engine.sessionHistory('whole'))[0];
    const next = await shared.engine.generate(
      { sessionId: 'whole', userText: 'Good night.', previousReplyHeard: '' },
      { sampling, personaPrompt },
    );
    expect(replies(shared.engine.sessionHistory('whole'))[0]).toBe(before);
    // Only the new turn was evaluated: the whole first turn came from the KV cache.
    expect(next.promptTokensEvaluated).toBeLessThan(shared.engine.sessionTokenCount('whole') / 2);
  });
});
