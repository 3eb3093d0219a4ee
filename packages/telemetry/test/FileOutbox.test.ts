import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FileOutbox } from '../src/outbox/FileOutbox.js';
import type { OutboxEntry } from '../src/outbox/Outbox.js';
import { describeOutboxContract, entry } from './support/outboxContract.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-outbox-test-'));
let folders = 0;
const freshDir = () => join(root, `o${++folders}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeOutboxContract(
  'FileOutbox',
  async ({ capacity }) => new FileOutbox({ dir: freshDir(), capacity }),
);

// The same contract once more, reopened from disk before every read: what the file holds is
// what the memory held.
describeOutboxContract('FileOutbox reopened', async ({ capacity }) => {
  const dir = freshDir();
  let current = new FileOutbox({ dir, capacity });
  const reopen = async () => {
    await current.dispose();
    current = new FileOutbox({ dir, capacity });
    return current;
  };
  return {
    append: (e) => current.append(e),
    acknowledge: (id) => current.acknowledge(id),
    revise: (reviser) => current.revise(reviser),
    peek: async (limit) => (await reopen()).peek(limit),
    size: async () => (await reopen()).size(),
    dispose: () => current.dispose(),
  };
});

describe('FileOutbox', () => {
  it("keeps no trace of a revised entry's old payload in its files", async () => {
    const dir = freshDir();
    const outbox = new FileOutbox({ dir });
    await outbox.append({ ...entry('a'), payload: '{"userText":"my secret words"}' });
    await outbox.append(entry('b'));
    await outbox.revise((e) => (e.id === 'a' ? { ...e, payload: '{"shared":false}' } : e));
    for (const name of readdirSync(dir))
      expect(readFileSync(join(dir, name), 'utf8')).not.toContain('secret');
    await outbox.dispose();
    const reopened = new FileOutbox({ dir });
    expect((await reopened.peek(10)).map((e) => e.payload)).toEqual([
      '{"shared":false}',
      entry('b').payload,
    ]);
    await reopened.dispose();
  });

  it('keeps unacknowledged entries, in order, across a restart', async () => {
    const dir = freshDir();
    const first = new FileOutbox({ dir });
    for (const id of ['a', 'b', 'c', 'd']) await first.append(entry(id));
    await first.acknowledge('b');
    await first.dispose();
    const second = new FileOutbox({ dir });
    expect((await second.peek(10)).map((e) => e.id)).toEqual(['a', 'c', 'd']);
    await second.dispose();
  });

  it('skips a line torn by a crash mid-write', async () => {
    const dir = freshDir();
    const first = new FileOutbox({ dir });
    await first.append(entry('a'));
    await first.dispose();
    appendFileSync(join(dir, 'journal.jsonl'), '{"id":"b","topic":"t","payl');
    const second = new FileOutbox({ dir });
    expect(second.tornLines).toBe(1);
    expect((await second.peek(10)).map((e) => e.id)).toEqual(['a']);
    await second.append(entry('c'));
    await second.dispose();
    // The torn tail is skipped again, and the entry written after it is intact.
    const third = new FileOutbox({ dir });
    expect((await third.peek(10)).map((e) => e.id)).toEqual(['a', 'c']);
    await third.dispose();
  });

  it('compacts the journal once enough has been removed, losing nothing', async () => {
    const dir = freshDir();
    const outbox = new FileOutbox({ dir, compactAfter: 4, sync: false });
    for (let i = 0; i < 10; i += 1) await outbox.append(entry(`e${i}`));
    for (let i = 0; i < 8; i += 1) await outbox.acknowledge(`e${i}`);
    const journalLines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n');
    expect(journalLines.length).toBeLessThan(10);
    await outbox.append(entry('e10'));
    await outbox.dispose();
    const reopened = new FileOutbox({ dir });
    expect((await reopened.peek(10)).map((e) => e.id)).toEqual(['e8', 'e9', 'e10']);
    await reopened.dispose();
  });

  it('counts and reports each entry dropped for room', async () => {
    const dropped: OutboxEntry[] = [];
    const outbox = new FileOutbox({ dir: freshDir(), capacity: 2, onDrop: (e) => dropped.push(e) });
    for (const id of ['a', 'b', 'c']) await outbox.append(entry(id));
    expect(dropped.map((e) => e.id)).toEqual(['a']);
    expect(outbox.dropped).toBe(1);
    await outbox.dispose();
  });

  it('refuses to append after dispose, naming the folder', async () => {
    const dir = freshDir();
    const outbox = new FileOutbox({ dir });
    await outbox.dispose();
    await outbox.dispose();
    await expect(outbox.append(entry('a'))).rejects.toThrow(dir);
  });

  it('refuses a folder another live process holds, and takes over a dead one’s', async () => {
    const dir = freshDir();
    const first = new FileOutbox({ dir });
    await first.dispose();
    // PID 1 is always alive; a lock naming it is another process's.
    writeFileSync(join(dir, 'lock'), '1');
    expect(() => new FileOutbox({ dir })).toThrow(/in use by process 1/);
    writeFileSync(join(dir, 'lock'), '999999999');
    const taken = new FileOutbox({ dir });
    await taken.dispose();
  });

  it('names the folder when it cannot be created', () => {
    const file = join(freshDir());
    appendFileSync(`${file}`, 'not a folder');
    expect(() => new FileOutbox({ dir: join(file, 'sub') })).toThrow(/outbox_dir/);
  });
});
