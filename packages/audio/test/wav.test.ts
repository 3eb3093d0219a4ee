import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encodeWav,
  InvalidWavError,
  readWavFile,
  resample,
  UnsupportedWavFormatError,
  wavToHearthPcm,
} from '../src/index.js';

/** A WAV file in any PCM layout, written by hand so the reader is checked against the spec. */
function wav(options: {
  rate: number;
  channels: number;
  bits: number;
  float?: boolean;
  extensible?: boolean;
  frames: number[][];
}): Buffer {
  const { rate, channels, bits } = options;
  const bytesPerSample = bits / 8;
  const data = Buffer.alloc(options.frames.length * channels * bytesPerSample);
  options.frames.forEach((frame, f) =>
    frame.forEach((value, c) => {
      const at = (f * channels + c) * bytesPerSample;
      if (options.float) data.writeFloatLE(value, at);
      else if (bits === 8) data.writeUInt8(Math.round(value * 127 + 128), at);
      else if (bits === 16) data.writeInt16LE(Math.round(value * 32767), at);
      else if (bits === 24) data.writeIntLE(Math.round(value * 8388607), at, 3);
      else data.writeInt32LE(Math.round(value * 2147483647), at);
    }),
  );
  const fmtSize = options.extensible ? 40 : 16;
  const fmt = Buffer.alloc(8 + fmtSize);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(fmtSize, 4);
  fmt.writeUInt16LE(options.extensible ? 0xfffe : options.float ? 3 : 1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * channels * bytesPerSample, 16);
  fmt.writeUInt16LE(channels * bytesPerSample, 20);
  fmt.writeUInt16LE(bits, 22);
  if (options.extensible) {
    fmt.writeUInt16LE(22, 24);
    fmt.writeUInt16LE(options.float ? 3 : 1, 32); // sub-format GUID's first bytes
  }
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(4 + fmt.length + 8 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, fmt, dataHeader, data]);
}

function tone(hz: number, rate: number, seconds: number): number[] {
  return Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

/** Amplitude of `hz` in the samples (a single-bin DFT). */
function amplitudeAt(samples: Int16Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < samples.length; i++) {
    re += (samples[i] ?? 0) * Math.cos((2 * Math.PI * hz * i) / rate);
    im += (samples[i] ?? 0) * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / samples.length / 32768;
}

describe('WAV input', () => {
  it('reads 16 kHz mono 16-bit as it is, and round-trips encodeWav', () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const audio = wavToHearthPcm(encodeWav({ sampleRate: 16000, samples }), 'x', {
      convert: false,
    });
    expect(audio.sampleRate).toBe(16000);
    expect(Array.from(audio.samples)).toEqual(Array.from(samples));
  });

  it('converts stereo 44.1 kHz 24-bit, 8-bit, float and extensible files to 16 kHz mono', () => {
    const left = tone(440, 44100, 0.5);
    for (const layout of [
      { bits: 24 },
      { bits: 8 },
      { bits: 32, float: true },
      { bits: 16, extensible: true },
    ]) {
      const bytes = wav({ rate: 44100, channels: 2, ...layout, frames: left.map((v) => [v, v]) });
      const audio = wavToHearthPcm(bytes, 'stereo.wav');
      expect(audio.sampleRate).toBe(16000);
      expect(audio.samples.length).toBe(8000);
      // The tone survives at its amplitude; nothing appears where there was none.
      expect(amplitudeAt(audio.samples, 440, 16000)).toBeCloseTo(0.5, 1);
      expect(amplitudeAt(audio.samples, 1000, 16000)).toBeLessThan(0.02);
    }
  });

  it('removes what lies above the new Nyquist frequency instead of folding it back', () => {
    // 11 kHz at 44.1 kHz would alias to 5 kHz at 16 kHz without the low-pass.
    const bytes = wav({
      rate: 44100,
      channels: 1,
      bits: 16,
      frames: tone(11000, 44100, 0.5).map((v) => [v]),
    });
    const audio = wavToHearthPcm(bytes);
    expect(amplitudeAt(audio.samples, 5000, 16000)).toBeLessThan(0.01);
    expect(resample(Float32Array.from([0.25, 0.25, 0.25, 0.25]), 8000, 16000)[3]).toBeCloseTo(
      0.25,
      5,
    );
  });

  it('refuses another format when conversion is off, naming the file and the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-wav-'));
    const path = join(dir, 'cd.wav');
    await writeFile(path, wav({ rate: 44100, channels: 2, bits: 16, frames: [[0, 0]] }));
    await expect(readWavFile(path, { convert: false })).rejects.toThrow(UnsupportedWavFormatError);
    await expect(readWavFile(path, { convert: false })).rejects.toThrow(
      /cd\.wav is 44100 Hz, 2 channel\(s\), 16-bit integer.*16 kHz mono/,
    );
  });

  it('refuses files that are not PCM WAV', () => {
    expect(() => wavToHearthPcm(Buffer.from('not a wav file at all'), 'a.txt')).toThrow(
      InvalidWavError,
    );
    const alaw = wav({ rate: 8000, channels: 1, bits: 16, frames: [[0]] });
    alaw.writeUInt16LE(6, 20); // A-law
    expect(() => wavToHearthPcm(alaw, 'alaw.wav')).toThrow(/compressed format tag 6/);
  });

  it('clamps a streamed header whose data size is a placeholder (espeak-ng --stdout)', () => {
    const bytes = encodeWav({ sampleRate: 16000, samples: Int16Array.from([1, 2, 3]) });
    bytes.writeUInt32LE(0x7ffff000, 40);
    expect(Array.from(wavToHearthPcm(bytes).samples)).toEqual([1, 2, 3]);
  });
});
