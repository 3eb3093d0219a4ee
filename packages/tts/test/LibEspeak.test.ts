import { afterAll, describe, expect, it } from '@jest/globals';
import { voicedSegments } from '../src/audio/voicedSegments.js';
import { EspeakEngine } from '../src/engine/EspeakEngine.js';
import { LibEspeakWorker } from '../src/engine/libespeak/LibEspeakWorker.js';
import type { Synthesis } from '../src/engine/TtsEngine.js';
import { EspeakFailedError } from '../src/errors/EspeakFailedError.js';
import { LibEspeakUnavailableError } from '../src/errors/LibEspeakUnavailableError.js';
import { SynthesisCancelledError } from '../src/errors/SynthesisCancelledError.js';

const calm = { voice: 'en-us', rate: 150, pitch: 45 };
const engine = new EspeakEngine({ backend: 'library' });
const LONG_TEXT = 'This is a long passage that takes espeak-ng a while to synthesize. '.repeat(400);

afterAll(() => engine.dispose());

/** True when `offsetMs` falls inside one of the words' spans. */
function insideAWord(synthesis: Synthesis, offsetMs: number): boolean {
  return synthesis.words.some(
    (word) => offsetMs >= word.offsetMs && offsetMs <= word.offsetMs + word.durationMs,
  );
}

/**
 * `synthesis` is the same utterance as `alone`: espeak-ng varies a few ms from run to run even
 * alone, while another engine's voice or rate (or its audio) would be off by far more.
 */
function expectLike(synthesis: Synthesis, alone: Synthesis): void {
  expect(synthesis.timing).toBe('events');
  expect(synthesis.words.map((word) => word.text)).toEqual(alone.words.map((word) => word.text));
  synthesis.words.forEach((word, i) => {
    expect(Math.abs(word.offsetMs - (alone.words[i]?.offsetMs ?? 0))).toBeLessThan(25);
  });
  expect(Math.abs(synthesis.durationMs / alone.durationMs - 1)).toBeLessThan(0.02);
}

describe('EspeakEngine through libespeak-ng (real library, real events)', () => {
  it('loads the library and says its timings are the engine events', async () => {
    expect(await engine.backend()).toBe('library');
    const synthesis = await engine.synthesize('Hello.', calm);
    expect(synthesis.timing).toBe('events');
    expect(synthesis.audio.sampleRate).toBe(22050);
  });

  it('gives one word event per word, in order, each near the voiced onset in the audio', async () => {
    const text = 'Hello there. I hear you, and I am here with you. Take a slow breath.';
    const synthesis = await engine.synthesize(text, calm);
    expect(synthesis.words.map((word) => word.text)).toEqual(text.match(/[A-Za-z]+/gu) ?? []);
    const offsets = synthesis.words.map((word) => word.offsetMs);
    for (let i = 1; i < offsets.length; i++) {
      expect(offsets[i]).toBeGreaterThan(offsets[i - 1] ?? 0);
    }
    // Every stretch of voice after a pause starts with a word: its event is within 80 ms.
    const segments = voicedSegments(synthesis.audio);
    expect(segments.length).toBeGreaterThanOrEqual(4);
    for (const segment of segments) {
      const nearest = Math.min(...offsets.map((offset) => Math.abs(offset - segment.startMs)));
      expect(nearest).toBeLessThan(80);
    }
    // Each word ends where its voice does: inside the audio, before the next word.
    synthesis.words.forEach((word, i) => {
      expect(word.durationMs).toBeGreaterThan(0);
      expect(word.offsetMs + word.durationMs).toBeLessThanOrEqual(
        synthesis.words[i + 1]?.offsetMs ?? synthesis.durationMs,
      );
    });
  });

  it('places visemes from phoneme events inside the word spans, closing at pauses', async () => {
    const synthesis = await engine.synthesize('Maybe we should breathe, slowly.', calm);
    const shapes = synthesis.visemes;
    expect(shapes[0]).toEqual({ viseme: '21', offsetMs: expect.any(Number) }); // m
    for (const shape of shapes) {
      if (shape.viseme !== '0') expect(insideAWord(synthesis, shape.offsetMs)).toBe(true);
    }
    const offsets = shapes.map((shape) => shape.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    // "should" opens with ʃ (16); "breathe" ends with ð (17), then the comma's pause closes.
    const should = synthesis.words[2];
    const firstOfShould = shapes.find((shape) => shape.offsetMs >= (should?.offsetMs ?? 0));
    expect(firstOfShould?.viseme).toBe('16');
    const comma = shapes.findIndex((shape, i) => i > 0 && shape.viseme === '0');
    expect(shapes[comma - 1]?.viseme).toBe('17');
    expect(shapes[shapes.length - 1]?.viseme).toBe('0');
  });

  it('keeps words whole where espeak-ng reads several (numbers) and counts unicode right', async () => {
    const synthesis = await engine.synthesize('I feel naïve — 42 cafés later.', calm);
    expect(synthesis.words.map((word) => word.text)).toEqual([
      'I',
      'feel',
      'naïve',
      '42',
      'cafés',
      'later',
    ]);
    const offsets = synthesis.words.map((word) => word.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('speaks as long as the espeak-ng command line with the same voice, rate and pitch', async () => {
    const cli = new EspeakEngine({ backend: 'cli', visemes: false });
    const text = 'I hear you. That sounds really hard, and it makes sense that you feel tired.';
    for (const settings of [calm, { voice: 'en-gb', rate: 220, pitch: 70 }]) {
      const fromLibrary = await engine.synthesize(text, settings);
      const fromCli = await cli.synthesize(text, settings);
      expect(fromCli.timing).toBe('estimated');
      expect(Math.abs(fromLibrary.durationMs / fromCli.durationMs - 1)).toBeLessThan(0.03);
    }
  });

  it('names the voice when libespeak-ng has no such voice', async () => {
    const attempt = engine.synthesize('Hello.', { ...calm, voice: 'zzq' });
    await expect(attempt).rejects.toThrow(EspeakFailedError);
    await expect(attempt).rejects.toThrow(/"zzq".*espeak-ng --voices/);
    // The worker is still good for the next utterance.
    expect((await engine.synthesize('Hello.', calm)).words).toHaveLength(1);
  });

  it('rejects within 50 ms of a cancel mid-synthesis, stops the library soon after, and serves the next request', async () => {
    const worker = new LibEspeakWorker();
    try {
      await worker.start();
      const controller = new AbortController();
      const pending = worker.synthesize({ text: LONG_TEXT, ...calm, signal: controller.signal });
      const rejected = expect(pending).rejects.toThrow(SynthesisCancelledError);
      // ~35 minutes of speech: synthesis is surely still under way after 30 ms.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const cancelAt = performance.now();
      controller.abort();
      await rejected;
      const rejectMs = performance.now() - cancelAt;
      await worker.idle();
      const stopMs = performance.now() - cancelAt;
      console.log(
        `libespeak-ng cancel: rejected in ${rejectMs.toFixed(1)} ms, stopped in ${stopMs.toFixed(1)} ms`,
      );
      // The say action's 50 ms is the cancel reaching the caller (rejectMs; TtsNodeCancel checks it
      // at the node). The worker thread's own stop is measured 5–31 ms on a quiet machine, but it is
      // a thread the OS schedules: on a loaded CI runner it may lag, and it holds no audio the person
      // hears, so it gets a looser bound here.
      expect(rejectMs).toBeLessThan(50);
      expect(stopMs).toBeLessThan(250);
      const next = await worker.synthesize({ text: 'Still here.', ...calm });
      expect(next.samples.length).toBeGreaterThan(0);
    } finally {
      worker.dispose();
    }
  });

  it('serves two engines with different voices and rates, concurrently, from the one library', async () => {
    const brisk = { voice: 'en-gb', rate: 220, pitch: 70 };
    const first = new EspeakEngine({ backend: 'library' });
    const second = new EspeakEngine({ backend: 'library' });
    try {
      const textA = 'I hear you, and I am here with you.';
      const textB = 'Take a slow breath, then another one.';
      // Alone, one after the other: what each must get however the two interleave.
      const aloneA = await first.synthesize(textA, calm);
      const aloneB = await second.synthesize(textB, brisk);
      // The faster voice takes about a third less time: a mix-up would show.
      expect(aloneB.durationMs).toBeLessThan(aloneA.durationMs * 0.8);
      const together = await Promise.all([
        first.synthesize(textA, calm),
        second.synthesize(textB, brisk),
        first.synthesize(textA, calm),
        second.synthesize(textB, brisk),
      ]);
      together.forEach((synthesis, i) => expectLike(synthesis, i % 2 === 0 ? aloneA : aloneB));
      // One engine gone: the other keeps its voice and rate on the library it still holds.
      first.dispose();
      expectLike(await second.synthesize(textB, brisk), aloneB);
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('falls back to the command line (estimated timings) when the library cannot load', async () => {
    const notices: string[] = [];
    const fallback = new EspeakEngine({
      libraryPath: '/nonexistent/libespeak-ng.so.1',
      log: (message) => notices.push(message),
    });
    expect(await fallback.backend()).toBe('cli');
    const first = await fallback.synthesize('Hello there.', calm);
    await fallback.synthesize('Hello again.', calm);
    expect(first.timing).toBe('estimated');
    expect(first.words.map((word) => word.text)).toEqual(['Hello', 'there']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/\/nonexistent\/libespeak-ng\.so\.1.*estimated/su);
    // Asked for the library explicitly: no silent fallback.
    const strict = new EspeakEngine({ backend: 'library', libraryPath: '/nonexistent/x.so' });
    await expect(strict.synthesize('Hello.', calm)).rejects.toThrow(LibEspeakUnavailableError);
  });
});
