import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { durationMs, decodePcm16Wav, type PcmAudio } from '@hearth/audio';
import { AplayAudioSink } from '../src/audio/AplayAudioSink.js';
import type { AudioClip } from '../src/audio/AudioSink.js';
import { FileAudioSink } from '../src/audio/FileAudioSink.js';
import { NoDeviceAudioSink } from '../src/audio/NoDeviceAudioSink.js';
import { AplayFailedError } from '../src/errors/AplayFailedError.js';
import { AplayNotFoundError } from '../src/errors/AplayNotFoundError.js';
import { installFakeAplay } from './support/fakeAplay.js';

/** `ms` of a 440 Hz tone at 22050 Hz, like an espeak-ng utterance. */
function tone(ms: number): AudioClip {
  const sampleRate = 22050;
  const samples = new Int16Array(Math.round((sampleRate * ms) / 1000));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate));
  const audio: PcmAudio = { sampleRate, samples };
  return { audio, path: '/nonexistent.wav', durationMs: durationMs(audio) };
}

describe('NoDeviceAudioSink (audio_output none)', () => {
  it('starts, fires every mark in order and ends without pacing', async () => {
    const calls: string[] = [];
    const started = performance.now();
    const result = await new NoDeviceAudioSink().play(tone(5000), {
      signal: new AbortController().signal,
      marks: [0, 1000, 4000],
      onStart: () => calls.push('start'),
      onMark: (i) => calls.push(`mark ${i}`),
    });
    // A 5 s clip: anything near its duration would mean it paced.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(calls).toEqual(['start', 'mark 0', 'mark 1', 'mark 2']);
    expect(result).toEqual({ completed: true, positionMs: 5000 });
  });

  it('plays nothing when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await new NoDeviceAudioSink().play(tone(100), { signal: controller.signal });
    expect(result).toEqual({ completed: false, positionMs: 0 });
  });
});

describe('FileAudioSink (audio_output file)', () => {
  it('appends every clip to one WAV, started afresh by each sink', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'hearth-file-sink-')), 'out.wav');
    const play = (sink: FileAudioSink, ms: number) =>
      sink.play(tone(ms), { signal: new AbortController().signal, marks: [0], onMark: () => {} });
    const sink = new FileAudioSink({ path: () => path });
    await play(sink, 200);
    expect(await play(sink, 300)).toEqual({ completed: true, positionMs: 300 });
    const wav = decodePcm16Wav(await readFile(path), path);
    expect(durationMs(wav)).toBeCloseTo(500, 0);
    await play(new FileAudioSink({ path: () => path }), 100);
    expect(durationMs(decodePcm16Wav(await readFile(path), path))).toBeCloseTo(100, 0);
  });
});

describe('AplayAudioSink (audio_output alsa) with a fake aplay reading at the real rate', () => {
  let fake: { dir: string; path: string; pidFile: string };

  beforeAll(async () => {
    fake = await installFakeAplay({ latencyMs: 300 });
  });

  it('reports the start when aplay starts consuming, and times marks from it', async () => {
    const sink = new AplayAudioSink({ binaryPath: fake.path });
    const requested = performance.now();
    let startedAt = 0;
    const markTimes: number[] = [];
    const result = await sink.play(tone(600), {
      signal: new AbortController().signal,
      marks: [0, 300],
      onStart: () => (startedAt = performance.now()),
      onMark: () => markTimes.push(performance.now() - startedAt),
    });
    const total = performance.now() - requested;
    expect(result).toEqual({ completed: true, positionMs: 600 });
    // The fake opens its "device" 300 ms after spawning: the start waits for it.
    expect(startedAt - requested).toBeGreaterThanOrEqual(290);
    expect(markTimes).toHaveLength(2);
    expect(markTimes[0]).toBeLessThan(100);
    expect(markTimes[1]).toBeGreaterThanOrEqual(295);
    expect(markTimes[1]).toBeLessThan(450);
    // It ends when the fake has consumed the audio at the real rate, not before.
    expect(total).toBeGreaterThanOrEqual(850);
    sink.dispose();
  });

  it('stops within 50 ms of a cancel and kills aplay', async () => {
    const sink = new AplayAudioSink({ binaryPath: fake.path });
    const controller = new AbortController();
    const marks: number[] = [];
    let abortedAt = 0;
    const result = await sink.play(tone(3000), {
      signal: controller.signal,
      marks: [0, 200, 2000],
      onStart: () =>
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 400),
      onMark: (i) => marks.push(i),
    });
    const stoppedWithin = performance.now() - abortedAt;
    expect(stoppedWithin).toBeLessThan(50);
    expect(result.completed).toBe(false);
    expect(result.positionMs).toBeGreaterThan(350);
    expect(result.positionMs).toBeLessThan(700);
    expect(marks).toEqual([0, 1]);
    const pid = Number(await readFile(fake.pidFile, 'utf8'));
    // SIGKILL went out at the cancel; the process is gone once Node has reaped it.
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toBe(false);
  });

  it('names the device and the fix when aplay fails, and the package when it is missing', async () => {
    const bad = new AplayAudioSink({ binaryPath: fake.path, device: () => 'missing' });
    const error = await bad
      .play(tone(100), { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AplayFailedError);
    expect((error as Error).message).toMatch(/device "missing".*audio open error.*aplay -L/s);

    const absent = new AplayAudioSink({ binaryPath: join(fake.dir, 'no-such-aplay') });
    await expect(absent.play(tone(100), { signal: new AbortController().signal })).rejects.toThrow(
      AplayNotFoundError,
    );
    await expect(absent.play(tone(100), { signal: new AbortController().signal })).rejects.toThrow(
      /apt-get install alsa-utils/,
    );
  });

  it('gives up when aplay never starts playing', async () => {
    const stuck = await installFakeAplay({ latencyMs: 5000 });
    const sink = new AplayAudioSink({ binaryPath: stuck.path, startTimeoutMs: 300 });
    await expect(sink.play(tone(100), { signal: new AbortController().signal })).rejects.toThrow(
      /did not start playing within 300 ms/,
    );
  });
});
