import { describe, expect, it } from '@jest/globals';
import wavefile from 'wavefile';
import { encodeWav } from '@hearth/audio';
import { EspeakEngine } from '../src/engine/EspeakEngine.js';
import type { Synthesis } from '../src/engine/TtsEngine.js';
import { EspeakFailedError } from '../src/errors/EspeakFailedError.js';
import { EspeakNotFoundError } from '../src/errors/EspeakNotFoundError.js';
import { SynthesisCancelledError } from '../src/errors/SynthesisCancelledError.js';

const engine = new EspeakEngine();
const calm = { voice: 'en-us', rate: 150, pitch: 45 };

function peak(synthesis: Synthesis): number {
  return synthesis.audio.samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
}

describe('EspeakEngine (real espeak-ng)', () => {
  it('reports its version', async () => {
    expect(await engine.version()).toMatch(/eSpeak NG/);
  });

  it('writes 16-bit mono speech of a plausible length for the text', async () => {
    const text = 'I hear you. That sounds really hard, and it makes sense that you feel tired.';
    const synthesis = await engine.synthesize(text, calm);
    const wav = new wavefile.WaveFile(encodeWav(synthesis.audio));
    const fmt = wav.fmt as { sampleRate: number; numChannels: number };
    expect(fmt.numChannels).toBe(1);
    expect(wav.bitDepth).toBe('16');
    expect(fmt.sampleRate).toBe(22050);
    expect(peak(synthesis)).toBeGreaterThan(3000);
    // 15 words at 150 wpm is 6 s of speech; allow for pauses and espeak-ng's own pacing.
    expect(synthesis.durationMs).toBeGreaterThan(3000);
    expect(synthesis.durationMs).toBeLessThan(12000);
  });

  it('speaks more slowly at a lower rate', async () => {
    const text = 'Take a slow breath with me.';
    const slow = await engine.synthesize(text, { ...calm, rate: 100 });
    const fast = await engine.synthesize(text, { ...calm, rate: 300 });
    expect(slow.durationMs).toBeGreaterThan(fast.durationMs * 1.5);
  });

  it('gives each word a start offset, in order, inside the audio', async () => {
    const synthesis = await engine.synthesize('Hello there, how are you feeling today?', calm);
    expect(synthesis.words.map((word) => word.text)).toEqual([
      'Hello',
      'there',
      'how',
      'are',
      'you',
      'feeling',
      'today',
    ]);
    const offsets = synthesis.words.map((word) => word.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[0]).toBeLessThan(200);
    expect(offsets[offsets.length - 1]).toBeLessThan(synthesis.durationMs);
    // The comma's pause puts "how" clearly after "there" ends.
    const there = synthesis.words[1];
    const how = synthesis.words[2];
    expect(there && how && how.offsetMs - (there.offsetMs + there.durationMs)).toBeGreaterThan(100);
  });

  it('passes quotes, leading dashes, shell characters and unicode through safely', async () => {
    const text = `-v "quoted" 'single' $(rm -rf /) & naïve café — ünïcödé, 42?`;
    const synthesis = await engine.synthesize(text, calm);
    expect(peak(synthesis)).toBeGreaterThan(3000);
    expect(synthesis.words.map((word) => word.text)).toContain('naïve');
  });

  it('speaks very long text (beyond any argv limit)', async () => {
    const text = 'You are not alone, and we can take this one step at a time. '.repeat(100);
    const synthesis = await engine.synthesize(text, { ...calm, rate: 450 });
    expect(synthesis.words).toHaveLength(14 * 100);
    expect(synthesis.durationMs).toBeGreaterThan(20_000);
  });

  it('stops at once when cancelled, killing espeak-ng', async () => {
    const controller = new AbortController();
    const text = 'This is a long passage that takes espeak-ng a while to synthesize. '.repeat(400);
    const pending = engine.synthesize(text, { ...calm, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(SynthesisCancelledError);
  });

  it('refuses at once when the signal has already aborted', async () => {
    await expect(
      engine.synthesize('Hello.', { ...calm, signal: AbortSignal.abort() }),
    ).rejects.toThrow(SynthesisCancelledError);
  });

  it('names the fix when the espeak-ng binary is missing', async () => {
    const missing = new EspeakEngine({ binaryPath: '/nonexistent/espeak-ng' });
    const attempt = missing.synthesize('Hello.', calm);
    await expect(attempt).rejects.toThrow(EspeakNotFoundError);
    await expect(attempt).rejects.toThrow(/apt-get install espeak-ng/);
    await expect(missing.version()).rejects.toThrow(/\/nonexistent\/espeak-ng/);
  });

  it('names the voice when espeak-ng cannot use it', async () => {
    const attempt = engine.synthesize('Hello.', { ...calm, voice: 'zzq' });
    await expect(attempt).rejects.toThrow(EspeakFailedError);
    await expect(attempt).rejects.toThrow(/"zzq".*espeak-ng --voices/);
  });
});
