/**
 * The contract every Outbox implementation must pass (MemoryOutbox, FileOutbox fresh and
 * reopened): order, acknowledgement, revision, bounds and the alert policy.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import type { Outbox, OutboxEntry } from '../../src/outbox/Outbox.js';

export interface OutboxFactoryOptions {
  readonly capacity: number;
}

export function entry(id: string, priority: OutboxEntry['priority'] = 'normal'): OutboxEntry {
  return {
    id,
    topic: `hearth/v1/r/session/s/event`,
    payload: JSON.stringify({ id }),
    qos: 1,
    retain: false,
    priority,
  };
}

export function describeOutboxContract(
  name: string,
  create: (options: OutboxFactoryOptions) => Promise<Outbox>,
): void {
  describe(`Outbox contract: ${name}`, () => {
    const opened: Outbox[] = [];
    const open = async (capacity = 100): Promise<Outbox> => {
      const outbox = await create({ capacity });
      opened.push(outbox);
      return outbox;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((o) => o.dispose()));
    });

    it('keeps entries in the order they were appended', async () => {
      const outbox = await open();
      for (const id of ['a', 'b', 'c']) await outbox.append(entry(id));
      expect((await outbox.peek(10)).map((e) => e.id)).toEqual(['a', 'b', 'c']);
      expect((await outbox.peek(2)).map((e) => e.id)).toEqual(['a', 'b']);
      expect(await outbox.size()).toBe(3);
    });

    it('peeks without removing and removes only what is acknowledged', async () => {
      const outbox = await open();
      await outbox.append(entry('a'));
      await outbox.append(entry('b'));
      await outbox.peek(1);
      expect(await outbox.size()).toBe(2);
      await outbox.acknowledge('a');
      await outbox.acknowledge('unknown');
      expect((await outbox.peek(10)).map((e) => e.id)).toEqual(['b']);
    });

    it('keeps every field of an entry', async () => {
      const outbox = await open();
      const original: OutboxEntry = {
        id: 'x',
        topic: 't/1',
        payload: '{"a":1}',
        qos: 0,
        retain: true,
        priority: 'alert',
        person: 'margaret',
        queuedAt: 1_700_000_000_000,
      };
      await outbox.append(original);
      expect(await outbox.peek(1)).toEqual([original]);
    });

    it('revises entries in place, in order: kept, replaced or removed', async () => {
      const outbox = await open();
      for (const id of ['a', 'b', 'c', 'd']) await outbox.append(entry(id));
      const changed = await outbox.revise((e) => {
        if (e.id === 'b') return undefined;
        if (e.id === 'c') return { ...e, payload: '{"narrowed":true}' };
        return e;
      });
      expect(changed).toBe(2);
      const left = await outbox.peek(10);
      expect(left.map((e) => e.id)).toEqual(['a', 'c', 'd']);
      expect(left[1]?.payload).toBe('{"narrowed":true}');
      expect(await outbox.revise((e) => e)).toBe(0);
      await outbox.acknowledge('c');
      await outbox.append(entry('e'));
      expect((await outbox.peek(10)).map((e) => e.id)).toEqual(['a', 'd', 'e']);
    });

    it('drops the oldest normal entry when full, never an alert', async () => {
      const outbox = await open(3);
      await outbox.append(entry('alert-1', 'alert'));
      await outbox.append(entry('a'));
      await outbox.append(entry('b'));
      await outbox.append(entry('c'));
      expect((await outbox.peek(10)).map((e) => e.id)).toEqual(['alert-1', 'b', 'c']);
    });

    it('keeps alerts even past its bound', async () => {
      const outbox = await open(2);
      for (const id of ['x', 'y', 'z']) await outbox.append(entry(id, 'alert'));
      expect((await outbox.peek(10)).map((e) => e.id)).toEqual(['x', 'y', 'z']);
    });
  });
}
