// A turn asked again (issue 7: the dialogue cancelled it before a word was said, because a late
// risk raise calls for the careful protocol): on the real tiny GGUF model, the cancelled attempt
// leaves the history, so the person's words are in it once, with the new instruction before them.
import { describe, expect, it } from '@jest/globals';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { useSharedEngine } from './support/sharedEngine.js';

const sampling = { maxTokens: 24, seed: 3, temperature: 0 };
const personaPrompt = 'You are a kind companion.';
const words = 'I feel so empty lately.';
const careful = '(Careful protocol: ask gently whether they are safe.)';

function userTexts(history: readonly ChatHistoryItem[]): string[] {
  return history.flatMap((item) => (item.type === 'user' ? [item.text] : []));
}

describe('a turn asked again on the real tiny model', () => {
  const shared = useSharedEngine();

  it('drops the cancelled attempt: the words once, the new instruction, no abandoned reply', async () => {
    await shared.engine.generate(
      { sessionId: 'redo', userText: 'Hello.' },
      { sampling, personaPrompt },
    );
    const before = shared.engine.sessionHistory('redo');

    const controller = new AbortController();
    const first = await shared.engine.generate(
      { sessionId: 'redo', userText: words, instruction: '(Be brief.)' },
      {
        sampling,
        personaPrompt,
        signal: controller.signal,
        onTextChunk: () => controller.abort(),
      },
    );
    expect(first.cancelled).toBe(true);
    // What a plain next turn would build on: the words and the abandoned reply are kept.
    expect(userTexts(shared.engine.sessionHistory('redo'))).toEqual(['Hello.', words]);

    const second = await shared.engine.generate(
      { sessionId: 'redo', userText: words, instruction: careful, reasked: true },
      { sampling, personaPrompt },
    );
    expect(second.cancelled).toBe(false);
    const history = shared.engine.sessionHistory('redo');
    expect(userTexts(history)).toEqual(['Hello.', words]);
    // The history up to the asked-again turn is the one before the cancelled attempt.
    expect(history.slice(0, before.length)).toEqual(before);
    expect(history[before.length]).toEqual({ type: 'system', text: careful });
    expect(history.filter((item) => item.type === 'system').map((item) => item.text)).not.toContain(
      '(Be brief.)',
    );
    expect(history.filter((item) => item.type === 'model')).toHaveLength(2);
    expect(shared.engine.sessionCachedText('redo')).not.toContain('(Be brief.)');
  });
});
