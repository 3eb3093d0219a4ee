/**
 * Reply audio retention: the tts node (real espeak-ng, in-process graph) removes the WAVs it
 * wrote once older than `audio_retention_days`, at start, hourly and on demand; it never touches
 * other files in its folder (other names, non-WAV content, links, sub-folders). File ages are set
 * with utimes.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { encodeWav } from '@hearth/audio';
import { createInProcessTransport, LogCapture, type GraphTransport } from '@hearth/graph';
import { Actions, SayAction } from '@hearth/interfaces';
import { EspeakEngine, TtsNode, isTtsAudioFileName } from '../src/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const wav = encodeWav({ sampleRate: 16000, samples: new Int16Array(160) });

async function age(path: string, days: number): Promise<void> {
  const when = new Date(Date.now() - days * DAY_MS);
  await utimes(path, when, when);
}

describe('TtsNode audio retention', () => {
  let root: string;
  let audioDir: string;
  let transport: GraphTransport;
  const nodes: TtsNode[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hearth-tts-retention-'));
    audioDir = join(root, 'audio');
    await mkdir(audioDir);
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
  });

  afterEach(async () => {
    for (const node of nodes.splice(0)) node.dispose();
    await transport.shutdown();
    await rm(root, { recursive: true, force: true });
  });

  function ttsNode(
    overrides: Record<string, number | string> = {},
    hourly?: (run: () => void) => void,
  ): TtsNode {
    const node = transport.createNode(`tts_${nodes.length}`, {
      parameterOverrides: { audio_output: 'none', ...overrides },
    });
    const tts = new TtsNode(node, new EspeakEngine(), {
      audioDir,
      ...(hourly === undefined
        ? {}
        : { retention: { setInterval: (run) => hourly(run), clearInterval: () => undefined } }),
    });
    nodes.push(tts);
    return tts;
  }

  it('removes its own old WAVs at start and keeps everything else', async () => {
    const outside = join(root, 'outside.wav');
    await writeFile(outside, wav);
    const files = {
      oldReply: join(audioDir, 'sess-1-t1.wav'),
      oldGroup: join(audioDir, 'g-42.sentence.wav'),
      freshReply: join(audioDir, 'sess-2-t1.wav'),
      notes: join(audioDir, 'notes.txt'),
      notWav: join(audioDir, 'diary.wav'),
      spaced: join(audioDir, 'my recording.wav'),
      nested: join(audioDir, 'keep', 'old.wav'),
    };
    await mkdir(join(audioDir, 'keep'));
    for (const path of [
      files.oldReply,
      files.oldGroup,
      files.freshReply,
      files.spaced,
      files.nested,
    ])
      await writeFile(path, wav);
    await writeFile(files.notes, 'not audio');
    await writeFile(files.notWav, 'a text file that only looks like audio by name');
    const link = join(audioDir, 'link.wav');
    await symlink(outside, link);
    for (const path of [...Object.values(files), outside]) await age(path, 30);
    await age(files.freshReply, 2);

    const tts = ttsNode();
    // Queued behind the purge at start: by now that one has run.
    expect(await tts.purgeOldAudio()).toEqual([]);
    expect((await readdir(audioDir)).sort()).toEqual(
      ['diary.wav', 'keep', 'link.wav', 'my recording.wav', 'notes.txt', 'sess-2-t1.wav'].sort(),
    );
    expect(await readdir(join(audioDir, 'keep'))).toEqual(['old.wav']);
    expect(await readdir(root)).toContain('outside.wav');
  });

  it('removes what it spoke once it is older than audio_retention_days, hourly', async () => {
    let hourlyRun: (() => void) | undefined;
    const tts = ttsNode({ audio_retention_days: 3 }, (run) => (hourlyRun = run));
    const client = transport.createNode('speaker').createActionClient(SayAction, Actions.say);
    expect(await client.waitForServer(1000)).toBe(true);
    const handle = await client.sendGoal(
      SayAction.goal.create({ text: 'Sleep well.', utterance_id: 'u-7', group_id: 'g-7' }),
    );
    const { result } = await handle.result;
    expect(result.audio_path).toBe(join(audioDir, 'u-7.wav'));
    expect(result.group_audio_path).toBe(join(audioDir, 'g-7.wav'));

    await age(result.audio_path, 2);
    expect(await tts.purgeOldAudio()).toEqual([]);
    await age(result.audio_path, 4);
    await age(result.group_audio_path, 4);
    hourlyRun?.();
    const removed = await tts.purgeOldAudio();
    // The hourly run (queued first) took them; the purge after it finds nothing more.
    expect(removed).toEqual([]);
    expect(await readdir(audioDir)).toEqual([]);
  });

  it('keeps everything when audio_retention_days is 0', async () => {
    const old = join(audioDir, 'u-1.wav');
    await writeFile(old, wav);
    await age(old, 400);
    const tts = ttsNode({ audio_retention_days: 0 });
    expect(await tts.purgeOldAudio()).toEqual([]);
    expect(await readdir(audioDir)).toEqual(['u-1.wav']);
  });

  it('knows its own file names', () => {
    expect(isTtsAudioFileName('u-1.wav')).toBe(true);
    expect(isTtsAudioFileName('audio_out.wav')).toBe(true);
    expect(isTtsAudioFileName(`${'a'.repeat(120)}.sentence.wav`)).toBe(true);
    for (const name of ['.hidden.wav', 'a..b.wav', 'x.WAV', 'x.wav.bak', 'a b.wav', '-x.wav'])
      expect(isTtsAudioFileName(name)).toBe(false);
  });
});
