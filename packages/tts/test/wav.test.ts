import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import wavefile from 'wavefile';
import { appendWavFile } from '../src/audio/appendWavFile.js';
import { decodePcm16Wav as decodeWav, encodeWav, InvalidWavError } from '@hearth/audio';

/** Reads a WAV with an independent parser (the wavefile package), not ours. */
function inspect(bytes: Buffer): {
  sampleRate: number;
  channels: number;
  bits: string;
  samples: number[];
} {
  const wav = new wavefile.WaveFile(bytes);
  const fmt = wav.fmt as { sampleRate: number; numChannels: number };
  return {
    sampleRate: fmt.sampleRate,
    channels: fmt.numChannels,
    bits: wav.bitDepth,
    samples: Array.from(wav.getSamples(false, Int16Array) as unknown as Int16Array),
  };
}

describe('WAV encoding', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-tts-wav-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes 16-bit mono PCM that another parser reads back', () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const parsed = inspect(encodeWav({ sampleRate: 22050, samples }));
    expect(parsed).toEqual({
      sampleRate: 22050,
      channels: 1,
      bits: '16',
      samples: Array.from(samples),
    });
    expect(Array.from(decodeWav(encodeWav({ sampleRate: 16000, samples })).samples)).toEqual(
      Array.from(samples),
    );
  });

  it('reads a streamed WAV whose header overstates the data size', () => {
    const bytes = encodeWav({ sampleRate: 22050, samples: Int16Array.from([5, 6, 7]) });
    bytes.writeUInt32LE(0x7ffff000, 4);
    bytes.writeUInt32LE(0x7ffff000, 40);
    expect(Array.from(decodeWav(bytes).samples)).toEqual([5, 6, 7]);
  });

  it('refuses bytes that are not a mono 16-bit WAV, naming the source', () => {
    expect(() => decodeWav(Buffer.from('hello world, not a wav'), 'greeting.wav')).toThrow(
      InvalidWavError,
    );
    expect(() => decodeWav(Buffer.from('hello world, not a wav'), 'greeting.wav')).toThrow(
      /greeting\.wav/,
    );
  });

  it('appends to a file that stays a valid WAV after every append', async () => {
    const path = join(dir, 'group.wav');
    await appendWavFile(path, { sampleRate: 22050, samples: Int16Array.from([1, 2]) });
    expect(inspect(await readFile(path)).samples).toEqual([1, 2]);
    const totalMs = await appendWavFile(path, {
      sampleRate: 22050,
      samples: Int16Array.from([3, 4, 5]),
    });
    expect(inspect(await readFile(path)).samples).toEqual([1, 2, 3, 4, 5]);
    expect(totalMs).toBeCloseTo((5 / 22050) * 1000, 6);
  });

  it('refuses to append audio of another sample rate', async () => {
    const path = join(dir, 'rates.wav');
    await appendWavFile(path, { sampleRate: 22050, samples: Int16Array.from([1]) });
    await expect(
      appendWavFile(path, { sampleRate: 16000, samples: Int16Array.from([1]) }),
    ).rejects.toThrow(InvalidWavError);
  });

  it('refuses to append to a file that is not a WAV', async () => {
    const path = join(dir, 'notes.wav');
    await writeFile(path, 'not audio at all');
    await expect(
      appendWavFile(path, { sampleRate: 22050, samples: Int16Array.from([1]) }),
    ).rejects.toThrow(/notes\.wav/);
  });
});
