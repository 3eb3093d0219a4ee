import { describe, expect, it } from '@jest/globals';
import { SpeechQueue } from '../src/node/SpeechQueue.js';

describe('SpeechQueue', () => {
  it('gives turns in arrival order, one at a time', async () => {
    const queue = new SpeechQueue();
    const order: string[] = [];
    const speak = async (name: string): Promise<void> => {
      const release = await queue.acquire(new AbortController().signal);
      order.push(`${name}:start`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name}:end`);
      release?.();
    };
    await Promise.all([speak('a'), speak('b'), speak('c')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(queue.length).toBe(0);
  });

  it('lets a waiting caller leave on abort without waiting, and without blocking those behind', async () => {
    const queue = new SpeechQueue();
    const first = await queue.acquire(new AbortController().signal);
    const cancelled = new AbortController();
    const second = queue.acquire(cancelled.signal);
    let thirdTurn = false;
    const third = queue.acquire(new AbortController().signal).then((release) => {
      thirdTurn = true;
      return release;
    });
    cancelled.abort();
    expect(await second).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdTurn).toBe(false);
    first?.();
    const release = await third;
    expect(release).toBeDefined();
    release?.();
    expect(queue.length).toBe(0);
  });
});
