import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { decodePcm16Wav, durationMs } from '@hearth/audio';
import { SayAction } from '@hearth/interfaces';
import { AzureTtsEngine } from '../src/engine/azure/AzureTtsEngine.js';
import type { Synthesis, SynthesisOptions, TtsEngine } from '../src/engine/TtsEngine.js';
import { installFakeAplay } from './support/fakeAplay.js';
import { FakeAzureSynthesizer, HELLO_THERE } from './support/FakeAzureSynthesizer.js';
import { settle, TtsTestGraph } from './support/ttsGraph.js';

/** Azure (fake SDK) that notes when synthesis finished, in epoch ms, to compare with playback. */
class TimedEngine implements TtsEngine {
  readonly name = 'azure';
  doneAt = Number.NaN;
  readonly fake: FakeAzureSynthesizer;
  private readonly inner: AzureTtsEngine;

  constructor(
    stepMs: number,
    /** Keeps synthesis "going" until this resolves (a slow service), e.g. until aplay plays. */
    private readonly holdUntil: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.fake = new FakeAzureSynthesizer(HELLO_THERE, stepMs);
    this.inner = new AzureTtsEngine({
      credentials: { key: 'test-key-0123', region: 'westeurope' },
      createSynthesizer: () => this.fake,
    });
  }

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesis> {
    const synthesis = await this.inner.synthesize(text, options);
    await this.holdUntil();
    this.doneAt = Date.now();
    return synthesis;
  }
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('TtsNode streamed playback (Azure fake SDK: audio arrives in chunks)', () => {
  let graph: TtsTestGraph;

  beforeEach(async () => {
    graph = await TtsTestGraph.create('hearth-tts-stream-');
  });

  afterEach(async () => {
    await graph.dispose();
  });

  const find = (kind: string) => graph.events.find((e) => e.event.kind === kind);

  it('simulated: starts playing on the first chunk, before synthesis completes', async () => {
    const engine = new TimedEngine(25);
    const { tts, client } = graph.serve(engine, { audio_output: 'simulated', playback_speed: 1 });
    const sentAt = Date.now();
    const { result } = await (
      await client.sendGoal(SayAction.goal.create({ utterance_id: 's1', text: 'Hello there.' }))
    ).result;
    await settle();
    tts.dispose();
    expect(result).toMatchObject({ cancelled: false, words_spoken: 2, duration_ms: 900 });
    const start = find('start');
    // The first chunk is step 7 of 16 (25 ms apart): start comes well before the completion.
    expect(start?.at).toBeLessThan(engine.doneAt);
    expect(engine.doneAt - sentAt).toBeGreaterThan(300);
    expect(graph.events.map((e) => e.event.kind).filter((k) => k !== 'viseme')).toEqual([
      'start',
      'word',
      'word',
      'end',
    ]);
    expect(graph.events.filter((e) => e.event.kind === 'viseme')).toHaveLength(9);
    // Paced from the start: the end comes the audio's 900 ms after it, not after synthesis.
    expect((find('end')?.at ?? 0) - (start?.at ?? 0)).toBeGreaterThanOrEqual(880);
    expect(find('end')?.event.offset_ms).toBe(900);
    const wav = decodePcm16Wav(await readFile(result.audio_path), result.audio_path);
    expect(durationMs(wav)).toBeCloseTo(900, 0);
  });

  it('alsa: aplay is spawned and playing before synthesis completes, fed through stdin', async () => {
    const fake = await installFakeAplay({ latencyMs: 20 });
    try {
      // The fake aplay is a Node script that takes a while to boot on a busy machine: synthesis is
      // held open until it plays (3 s at most). Without streaming, aplay would only be spawned
      // after synthesis, so it could not play first.
      const engine = new TimedEngine(25, () => waitForFile(fake.playingFile, 3000));
      const { tts, client } = graph.serve(engine, { audio_output: 'alsa' }, fake.path);
      const { result } = await (
        await client.sendGoal(SayAction.goal.create({ utterance_id: 'a1', text: 'Hello there.' }))
      ).result;
      await settle();
      tts.dispose();
      expect(result).toMatchObject({ cancelled: false, words_spoken: 2 });
      const playingSince = Number(await readFile(fake.playingFile, 'utf8'));
      expect(playingSince).toBeLessThan(engine.doneAt);
      // start is stamped when aplay says Playing, not when it was spawned.
      expect(find('start')?.at).toBeGreaterThanOrEqual(playingSince - 5);
      // aplay consumed the whole stream at the real rate before exiting.
      expect((find('end')?.at ?? 0) - playingSince).toBeGreaterThanOrEqual(850);
      expect(graph.events.map((e) => e.event.kind).filter((k) => k !== 'viseme')).toEqual([
        'start',
        'word',
        'word',
        'end',
      ]);
    } finally {
      await rm(fake.dir, { recursive: true, force: true });
    }
  });

  it('file: the first audio is appended before synthesis completes', async () => {
    const outFile = join(graph.audioDir, 'speaker.wav');
    const engine = new TimedEngine(20);
    const { tts, client } = graph.serve(engine, {
      audio_output: 'file',
      audio_output_file: outFile,
    });
    const first = await (
      await client.sendGoal(SayAction.goal.create({ utterance_id: 'f1', text: 'Hello there.' }))
    ).result;
    await settle();
    expect(find('start')?.at).toBeLessThan(engine.doneAt);
    const wav = decodePcm16Wav(await readFile(outFile), outFile);
    expect(durationMs(wav)).toBeCloseTo(first.result.duration_ms, 0);
    tts.dispose();
  });
});
