import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { durationMs, decodePcm16Wav } from '@hearth/audio';
import type { ActionClient, GraphNode } from '@hearth/graph';
import {
  SayAction,
  timeToMs,
  type SayFeedback,
  type SayGoal,
  type SayResult,
} from '@hearth/interfaces';
import { EspeakEngine, TtsNode } from '../src/index.js';
import { installFakeAplay } from './support/fakeAplay.js';
import { settle, TtsTestGraph } from './support/ttsGraph.js';

describe('TtsNode audio_output (real espeak-ng, in-process graph)', () => {
  let graph: TtsTestGraph;
  let fake: Awaited<ReturnType<typeof installFakeAplay>>;
  let ttsNode: GraphNode;
  let tts: TtsNode;
  let client: ActionClient<SayGoal, SayResult, SayFeedback>;

  beforeEach(async () => {
    graph = await TtsTestGraph.create('hearth-tts-out-');
    fake = await installFakeAplay({ latencyMs: 300 });
    ({
      tts,
      node: ttsNode,
      client,
    } = graph.serve(new EspeakEngine(), { audio_output: 'alsa' }, fake.path));
    expect(await client.waitForServer(1000)).toBe(true);
  });

  afterEach(async () => {
    tts.dispose();
    await graph.dispose();
    await rm(fake.dir, { recursive: true, force: true });
  });

  it('alsa: the start event carries the time aplay started playing, then words follow it', async () => {
    const handle = await client.sendGoal(
      SayAction.goal.create({ utterance_id: 'a1', text: 'Hello there.' }),
    );
    const { result } = await handle.result;
    await settle();
    expect(result.cancelled).toBe(false);
    const playingSince = Number(await readFile(fake.playingFile, 'utf8'));
    const start = graph.events.find((e) => e.event.kind === 'start');
    expect(start).toBeDefined();
    const stampMs = timeToMs(start?.event.stamp ?? { sec: 0, nanosec: 0 });
    // The fake says Playing 300 ms after it was spawned; the start is stamped then, not before.
    expect(stampMs).toBeGreaterThanOrEqual(playingSince - 5);
    expect(stampMs - playingSince).toBeLessThan(150);
    const kinds = graph.events.map((e) => e.event.kind).filter((k) => k !== 'viseme');
    expect(kinds).toEqual(['start', 'word', 'word', 'end']);
    // The second word event comes about its offset after the start (aplay pacing, not a timer
    // started before the device was ready).
    const second = graph.events.filter((e) => e.event.kind === 'word')[1];
    expect((second?.at ?? 0) - playingSince).toBeGreaterThanOrEqual(
      (second?.event.offset_ms ?? 0) - 30,
    );
  });

  it('alsa: a cancel stops aplay at once and reports how far it got', async () => {
    let onFirstWord: () => void = () => undefined;
    const firstWord = new Promise<void>((resolve) => (onFirstWord = resolve));
    const handle = await client.sendGoal(
      SayAction.goal.create({
        utterance_id: 'a2',
        text: 'I am here with you, and we can take all the time you need.',
      }),
      { onFeedback: (f) => f.event === 'word' && onFirstWord() },
    );
    await firstWord;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelAt = Date.now();
    await handle.cancel();
    const { status, result } = await handle.result;
    await settle();
    const end = graph.events.find((e) => e.event.kind === 'end');
    // The sink itself stops within 50 ms (AudioSinks.test.ts); here the cancel request and the
    // event's delivery add a few event-loop turns of the graph, on a busy machine.
    expect((end?.at ?? Infinity) - cancelAt).toBeLessThan(100);
    expect(['canceled', 'succeeded']).toContain(status);
    expect(result.cancelled).toBe(true);
    expect(result.words_spoken).toBeGreaterThanOrEqual(1);
    expect(end?.event.offset_ms).toBeGreaterThan(250);
    expect(end?.event.offset_ms).toBeLessThan(2000);
  });

  it('none: speaks at once without pacing; file: appends to the output WAV', async () => {
    ttsNode.setParameters({ audio_output: 'none' });
    const text = 'Take a slow breath with me, and then another one.';
    const first = await (
      await client.sendGoal(SayAction.goal.create({ utterance_id: 'n1', text }))
    ).result;
    await settle();
    expect(first.result.duration_ms).toBeGreaterThan(2000);
    // From start to end takes no playing time (synthesis before it may be slow on a busy machine).
    const at = (kind: string) => graph.events.find((e) => e.event.kind === kind)?.at ?? NaN;
    expect(at('end') - at('start')).toBeLessThan(first.result.duration_ms / 4);
    expect(graph.events.filter((e) => e.event.kind === 'word')).toHaveLength(10);

    const outFile = join(graph.audioDir, 'speaker.wav');
    ttsNode.setParameters({ audio_output: 'file', audio_output_file: outFile });
    const second = await (
      await client.sendGoal(SayAction.goal.create({ utterance_id: 'f1', text: 'Hello.' }))
    ).result;
    const wav = decodePcm16Wav(await readFile(outFile), outFile);
    expect(Math.abs(durationMs(wav) - second.result.duration_ms)).toBeLessThanOrEqual(1);
  });

  it('refuses an audio_output it does not know, naming the choices', () => {
    const results = ttsNode.setParameters({ audio_output: 'speaker' });
    expect(results[0]?.successful).toBe(false);
    expect(results[0]?.reason).toMatch(/alsa/);
  });
});
