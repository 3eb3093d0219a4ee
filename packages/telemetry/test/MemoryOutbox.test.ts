import { describe, it, expect } from '@jest/globals';
import { MemoryOutbox } from '../src/outbox/MemoryOutbox.js';
import type { OutboxEntry } from '../src/outbox/Outbox.js';
import { describeOutboxContract, entry } from './support/outboxContract.js';

describeOutboxContract('MemoryOutbox', async ({ capacity }) => new MemoryOutbox({ capacity }));

describe('MemoryOutbox', () => {
  it('tells about each dropped entry so the loss is logged', async () => {
    const dropped: OutboxEntry[] = [];
    const outbox = new MemoryOutbox({ capacity: 1, onDrop: (e) => dropped.push(e) });
    await outbox.append(entry('a'));
    await outbox.append(entry('b'));
    expect(dropped.map((e) => e.id)).toEqual(['a']);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new MemoryOutbox({ capacity: 0 })).toThrow(/capacity/);
  });
});
