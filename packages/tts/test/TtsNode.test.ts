import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture, type ActionClient } from '@hearth/graph';
import {
  Actions,
  SayAction,
  type SayFeedback,
  type SayGoal,
  type SayResult,
} from '@hearth/interfaces';
import wavefile from 'wavefile';
import { EspeakEngine, TtsNode } from '../src/index.js';
import { settle, TtsTestGraph } from './support/ttsGraph.js';

interface Wav {
  sampleRate: number;
  channels: number;
  bits: string;
  samples: Int16Array;
}

/** Reads a WAV file with an independent parser (the wavefile package). */
async function readWav(path: string): Promise<Wav> {
  const wav = new wavefile.WaveFile(await readFile(path));
  const fmt = wav.fmt as { sampleRate: number; numChannels: number };
  return {
    sampleRate: fmt.sampleRate,
    channels: fmt.numChannels,
    bits: wav.bitDepth,
    samples: wav.getSamples(false, Int16Array) as unknown as Int16Array,
  };
}

function goal(fields: Partial<SayGoal>): SayGoal {
  return SayAction.goal.create(fields);
}

describe('TtsNode (real espeak-ng, in-process graph)', () => {
  let graph: TtsTestGraph;
  let tts: TtsNode;
  let client: ActionClient<SayGoal, SayResult, SayFeedback>;
  let setSpeed: (speed: number) => void;

  beforeEach(async () => {
    graph = await TtsTestGraph.create('hearth-tts-node-');
    const served = graph.serve(new EspeakEngine(), { playback_speed: 20 });
    ({ tts, client } = served);
    setSpeed = (speed) => void served.node.setParameters({ playback_speed: speed });
    expect(await client.waitForServer(1000)).toBe(true);
  });

  afterEach(async () => {
    tts.dispose();
    await graph.dispose();
  });

  it('speaks a sentence: a valid WAV, then start, words and end events in order', async () => {
    const text = 'Hello there, how are you feeling today?';
    const feedback: SayFeedback[] = [];
    const handle = await client.sendGoal(goal({ utterance_id: 'u1', text }), {
      onFeedback: (f) => feedback.push(f),
    });
    const { status, result } = await handle.result;
    expect(status).toBe('succeeded');
    expect(result).toMatchObject({ cancelled: false, words_spoken: 7, group_audio_path: '' });
    expect(result.audio_path).toBe(join(graph.audioDir, 'u1.wav'));

    const wav = await readWav(result.audio_path);
    expect([wav.channels, wav.bits, wav.sampleRate]).toEqual([1, '16', 22050]);
    expect(wav.samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0)).toBeGreaterThan(3000);
    const durationMs = (wav.samples.length / wav.sampleRate) * 1000;
    expect(Math.abs(durationMs - result.duration_ms)).toBeLessThanOrEqual(1);
    expect(durationMs).toBeGreaterThan(1500); // seven words at 150 wpm take about 2.8 s
    expect(durationMs).toBeLessThan(8000);

    await settle();
    const visemes = graph.speechEvents.filter((e) => e.kind === 'viseme');
    expect(visemes.length).toBeGreaterThan(14);
    expect(visemes.every((e) => /^\d+$/.test(e.viseme) && e.offset_ms <= result.duration_ms)).toBe(
      true,
    );
    // Each word's first mouth shape comes with it: h for Hello, ð for there (libespeak-ng's word
    // event comes a few ms before its first phoneme's).
    const wordEvents = graph.speechEvents.filter((e) => e.kind === 'word');
    const shapeAt = (ms: number | undefined) =>
      visemes.find((v) => v.offset_ms >= (ms ?? Infinity))?.viseme;
    expect([shapeAt(wordEvents[0]?.offset_ms), shapeAt(wordEvents[1]?.offset_ms)]).toEqual([
      '12',
      '17',
    ]);
    const kindsSeen = graph.speechEvents.filter((e) => e.kind !== 'viseme');
    expect(kindsSeen.map((e) => e.kind)).toEqual([
      'start',
      ...Array<string>(7).fill('word'),
      'end',
    ]);
    expect(
      graph.speechEvents.every(
        (e) => e.utterance_id === 'u1' && e.audio_path === result.audio_path,
      ),
    ).toBe(true);
    expect(graph.speechEvents[0]?.text).toBe(text);
    expect(kindsSeen.slice(1, 8).map((e) => e.text)).toEqual([
      'Hello',
      'there',
      'how',
      'are',
      'you',
      'feeling',
      'today',
    ]);
    const offsets = graph.speechEvents.map((e) => e.offset_ms);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(kindsSeen[8]?.offset_ms).toBe(result.duration_ms);
    expect(feedback.map((f) => f.event)).toEqual(['started', ...Array<string>(7).fill('word')]);
  });

  it('stops mid-utterance on cancel, reporting the words spoken so far', async () => {
    setSpeed(1); // real time, so that the cancel lands in the middle
    const text = 'I am here with you, and we can take all the time you need to talk about it.';
    let words = 0;
    let onSecondWord: () => void = () => undefined;
    const secondWord = new Promise<void>((resolve) => {
      onSecondWord = resolve;
    });
    const pending = await client.sendGoal(goal({ utterance_id: 'long', text }), {
      onFeedback: (f) => {
        if (f.event === 'word' && ++words === 2) onSecondWord();
      },
    });
    await secondWord;
    await pending.cancel();
    const { status, result } = await pending.result;
    expect(status).toBe('canceled');
    expect(result.cancelled).toBe(true);
    expect(result.words_spoken).toBeGreaterThanOrEqual(2);
    expect(result.words_spoken).toBeLessThan(18);
    await settle();
    const kinds = graph.speechEvents.map((e) => e.kind);
    expect(kinds[0]).toBe('start');
    expect(kinds[kinds.length - 1]).toBe('end');
    expect(kinds.filter((k) => k === 'word')).toHaveLength(result.words_spoken);
  });

  it('cancels during synthesis without speaking anything', async () => {
    const handle = await client.sendGoal(
      goal({ text: 'This is a very long text for espeak-ng to work on. '.repeat(400) }),
    );
    await handle.cancel();
    const { result } = await handle.result;
    expect(result).toMatchObject({ cancelled: true, words_spoken: 0 });
    expect(graph.speechEvents).toEqual([]);
  });

  it('speaks goals one at a time in arrival order', async () => {
    const handles = await Promise.all(
      ['first', 'second', 'third'].map((id) =>
        client.sendGoal(goal({ utterance_id: id, text: `This is the ${id} sentence.` })),
      ),
    );
    const outcomes = await Promise.all(handles.map((h) => h.result));
    expect(outcomes.map((o) => o.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const boundaries = graph.speechEvents
      .filter((e) => e.kind !== 'word' && e.kind !== 'viseme')
      .map((e) => `${e.kind}:${e.utterance_id}`);
    expect(boundaries).toEqual([
      'start:first',
      'end:first',
      'start:second',
      'end:second',
      'start:third',
      'end:third',
    ]);
  });

  it('appends the sentences of a group, in order, to one valid WAV', async () => {
    const first = await client.sendGoal(
      goal({ utterance_id: 'r1-s1', group_id: 'r1', text: 'I hear you.' }),
    );
    const second = await client.sendGoal(
      goal({ utterance_id: 'r1-s2', group_id: 'r1', text: 'That sounds hard.' }),
    );
    const [a, b] = [(await first.result).result, (await second.result).result];
    expect(a.group_audio_path).toBe(join(graph.audioDir, 'r1.wav'));
    expect(b.group_audio_path).toBe(a.group_audio_path);
    const group = await readWav(b.group_audio_path);
    const parts = [await readWav(a.audio_path), await readWav(b.audio_path)];
    expect([group.channels, group.bits, group.sampleRate]).toEqual([1, '16', 22050]);
    const bytes = (samples: Int16Array): Buffer =>
      Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    const joined = Buffer.concat(parts.map((part) => bytes(part.samples)));
    expect(group.samples.length).toBe(parts[0]!.samples.length + parts[1]!.samples.length);
    expect(bytes(group.samples).equals(joined)).toBe(true);
  });

  it('keeps files inside the audio folder whatever the utterance id says', async () => {
    const handle = await client.sendGoal(
      goal({ utterance_id: '../../escape', group_id: '../g', text: 'Hi.' }),
    );
    const { result } = await handle.result;
    expect(dirname(result.audio_path)).toBe(graph.audioDir);
    expect(dirname(result.group_audio_path)).toBe(graph.audioDir);
    expect((await stat(result.audio_path)).isFile()).toBe(true);
  });

  it("passes the Say goal's strategy on to the start event, for the gesture node", async () => {
    const strategy = 'Reflection of feelings';
    const handle = await client.sendGoal(goal({ utterance_id: 's1', text: 'I see.', strategy }));
    expect((await handle.result).status).toBe('succeeded');
    await settle();
    const start = graph.speechEvents.find((e) => e.kind === 'start');
    expect(start).toMatchObject({ utterance_id: 's1', strategy });
    expect(
      graph.speechEvents.filter((e) => e.kind !== 'start').every((e) => e.strategy === ''),
    ).toBe(true);
  });
});

describe('TtsNode without espeak-ng', () => {
  it('aborts the goal with EspeakNotFoundError logged, naming the fix', async () => {
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture } });
    const audioDir = await mkdtemp(join(tmpdir(), 'hearth-tts-missing-'));
    const tts = new TtsNode(
      transport.createNode('tts'),
      new EspeakEngine({ binaryPath: '/nonexistent/espeak-ng' }),
      {
        audioDir,
      },
    );
    const client = transport.createNode('client').createActionClient(SayAction, Actions.say);
    const handle = await client.sendGoal(goal({ text: 'Hello.' }));
    expect((await handle.result).status).toBe('aborted');
    expect(JSON.stringify(capture.records)).toMatch(/apt-get install espeak-ng/);
    tts.dispose();
    await transport.shutdown();
    await rm(audioDir, { recursive: true, force: true });
  });
});
