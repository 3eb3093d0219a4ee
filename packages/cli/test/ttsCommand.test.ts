/**
 * `hearth tts say`, run as a user would: the built command, real espeak-ng, a real WAV file.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePcm16Wav, durationMs } from '@hearth/audio';
import { ttsSayCommand, type TtsSayOptions } from '../src/commands/tts.js';
import { CliError } from '../src/errors.js';
import { runHearth } from '../../../tests/support/hearthCli.js';
import { captureOutput } from './support/captureOutput.js';

interface SayJson {
  file: string;
  engine: string;
  voice: string;
  rate: number;
  sampleRate: number;
  durationMs: number;
  events: { kind: string; offsetMs: number; text?: string; viseme?: string }[];
}

describe('hearth tts say', () => {
  it('writes the WAV and prints one JSON document with word and viseme events (--json)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-tts-say-'));
    const out = join(dir, 'nested', 'hello.wav');
    const result = await runHearth([
      'tts',
      'say',
      'Hello there, my friend.',
      '--out',
      out,
      '--json',
      '--voice',
      'en-gb',
      '--rate',
      '160',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as SayJson;
    expect(doc).toMatchObject({ file: out, engine: 'espeak-ng', voice: 'en-gb', rate: 160 });
    const wav = decodePcm16Wav(await readFile(out), out);
    expect(wav.sampleRate).toBe(doc.sampleRate);
    expect(Math.abs(durationMs(wav) - doc.durationMs)).toBeLessThanOrEqual(1);
    const words = doc.events.filter((e) => e.kind === 'word').map((e) => e.text);
    expect(words).toEqual(['Hello', 'there', 'my', 'friend']);
    const visemes = doc.events.filter((e) => e.kind === 'viseme');
    expect(visemes.length).toBeGreaterThan(10);
    const offsets = doc.events.map((e) => e.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[offsets.length - 1]).toBeLessThanOrEqual(doc.durationMs);
    // "my" starts with closed lips (viseme 21) at the word's own offset.
    const my = doc.events.find((e) => e.kind === 'word' && e.text === 'my');
    expect(visemes.find((v) => v.offsetMs === my?.offsetMs)?.viseme).toBe('21');
  });

  it('names the fix when espeak-ng is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-tts-say-'));
    const missing = await runHearth(['tts', 'say', 'Hi.', '--out', join(dir, 'x.wav')], {
      // Neither the command line nor the library (which would otherwise speak without it).
      env: { PATH: dir, HEARTH_LIBESPEAK_NG: join(dir, 'libespeak-ng.so.1') },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^hearth: espeak-ng was not found.*apt-get install espeak-ng/m);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});

/** The same command in-process (starting the CLI costs seconds on a busy machine). */
describe('ttsSayCommand', () => {
  it('prints the events as lines without --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-tts-say-'));
    const out = join(dir, 'calm.wav');
    const printed = captureOutput();
    await ttsSayCommand('Breathe.', { out, json: false, engine: 'espeak-ng' }, printed.out);
    const lines = printed.text().trim().split('\n');
    expect(lines[0]).toContain(`Wrote ${out}: `);
    expect(lines[0]).toMatch(
      /s at 22050 Hz \(espeak-ng, voice en-us, 150 wpm, pitch 45\); 1 words, \d+ visemes/,
    );
    expect(lines[1]).toMatch(/^\s+0\.\d{3} s {2}word {4}Breathe$/);
    expect(lines.slice(2).every((line) => /^\s+\d+\.\d{3} s {2}viseme {2}\d+$/.test(line))).toBe(
      true,
    );
  });

  it('names the problem and the fix: bad options, empty text, Azure without a key', async () => {
    const out = join(tmpdir(), 'hearth-never-written.wav');
    const sink = captureOutput().out;
    const say = (text: string, extra: Partial<TtsSayOptions>) =>
      ttsSayCommand(text, { out, json: false, engine: 'espeak-ng', ...extra }, sink);
    await expect(say('Hi.', { rate: 'fast' })).rejects.toThrow(
      /--rate must be a whole number from 80 to 450, got "fast"/,
    );
    await expect(say('Hi.', { pitch: '120' })).rejects.toThrow(/--pitch must be .* 0 to 99/);
    await expect(say('Hi.', { engine: 'festival' })).rejects.toThrow(
      /--engine must be one of espeak-ng, azure/,
    );
    await expect(say('  ', {})).rejects.toThrow(CliError);
    const saved = { key: process.env.AZURE_SPEECH_KEY, region: process.env.AZURE_SPEECH_REGION };
    delete process.env.AZURE_SPEECH_KEY;
    delete process.env.AZURE_SPEECH_REGION;
    try {
      await expect(say('Hi.', { engine: 'azure' })).rejects.toThrow(
        /AZURE_SPEECH_KEY and AZURE_SPEECH_REGION/,
      );
    } finally {
      if (saved.key !== undefined) process.env.AZURE_SPEECH_KEY = saved.key;
      if (saved.region !== undefined) process.env.AZURE_SPEECH_REGION = saved.region;
    }
  });
});
