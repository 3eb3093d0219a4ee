import { describe, expect, it } from '@jest/globals';
import {
  cepstralMeanNormalize,
  dct2,
  dtwDistance,
  hzToMel,
  melFilterbank,
  melToHz,
  MfccExtractor,
  powerSpectrum,
  unitFrames,
} from '../src/index.js';

function tone(hz: number, samples: number, rate = 16000, amplitude = 0.5): Float64Array {
  return Float64Array.from(
    { length: samples },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

describe('MFCC building blocks against known values', () => {
  it('the FFT puts a pure tone in its bin with the energy Parseval says', () => {
    // 1000 Hz at 16 kHz in a 512-point FFT is exactly bin 32.
    const frame = tone(1000, 512);
    const power = powerSpectrum(frame, 512);
    let peak = 0;
    for (let k = 0; k < power.length; k++) if ((power[k] ?? 0) > (power[peak] ?? 0)) peak = k;
    expect(peak).toBe(32);
    // A whole-bin sine of amplitude A has |X[k]| = A * N / 2.
    expect(Math.sqrt(power[32] ?? 0)).toBeCloseTo((0.5 * 512) / 2, 6);
    expect(power[31] ?? 0).toBeLessThan(1e-12);
    // Parseval: sum |x|² = (1/N) sum over all N bins of |X|² (the half spectrum counted twice).
    const timeEnergy = frame.reduce((s, x) => s + x * x, 0);
    let spectral = (power[0] ?? 0) + (power[256] ?? 0);
    for (let k = 1; k < 256; k++) spectral += 2 * (power[k] ?? 0);
    expect(spectral / 512).toBeCloseTo(timeEnergy, 6);
  });

  it('converts hertz and mels (1000 Hz is about 1000 mel) and builds 26 overlapping triangles', () => {
    expect(hzToMel(1000)).toBeCloseTo(999.99, 1);
    expect(melToHz(hzToMel(3456))).toBeCloseTo(3456, 6);
    const bank = melFilterbank(26, 512, 16000);
    expect(bank).toHaveLength(26);
    for (const filter of bank) {
      expect(Math.max(...filter)).toBeGreaterThan(0.5); // no empty low filter
      expect(Math.max(...filter)).toBeLessThanOrEqual(1);
    }
    // Neighbouring triangles sum to about 1 between their centres (half-overlap).
    const bin = 40; // 1250 Hz
    const total = bank.reduce((s, f) => s + (f[bin] ?? 0), 0);
    expect(total).toBeCloseTo(1, 1);
  });

  it('the orthonormal DCT-II of a constant is all in c0', () => {
    const out = dct2(new Float64Array(26).fill(2), 13);
    expect(out[0]).toBeCloseTo(2 * Math.sqrt(26), 9);
    for (let k = 1; k < 13; k++) expect(out[k]).toBeCloseTo(0, 9);
  });

  it('frames 25 ms every 10 ms; a stream in pieces gives the same features as one piece', () => {
    const samples = Int16Array.from(tone(440, 16000), (v) => Math.round(v * 32767));
    const whole = MfccExtractor.compute(samples);
    expect(whole).toHaveLength(Math.floor((16000 - 400) / 160) + 1); // 98
    expect(whole[0]?.coefficients).toHaveLength(13);
    const stream = new MfccExtractor();
    const pieces = [];
    for (let at = 0; at < samples.length; at += 333)
      pieces.push(...stream.push(samples.subarray(at, at + 333)));
    expect(pieces).toHaveLength(whole.length);
    for (let i = 0; i < whole.length; i++) {
      for (let k = 0; k < 13; k++) {
        expect(pieces[i]?.coefficients[k]).toBeCloseTo(whole[i]?.coefficients[k] ?? NaN, 9);
      }
    }
  });

  it('two tones have different cepstra; a gain change only moves c0, which CMN removes', () => {
    const low = Int16Array.from(tone(300, 4000), (v) => Math.round(v * 32767));
    const high = Int16Array.from(tone(3000, 4000), (v) => Math.round(v * 32767));
    const quiet = Int16Array.from(tone(300, 4000, 16000, 0.05), (v) => Math.round(v * 32767));
    const c = (s: Int16Array) =>
      cepstralMeanNormalize(MfccExtractor.compute(s).map((f) => f.coefficients));
    const [a, b, q] = [c(low), c(high), c(quiet)];
    expect(dtwDistance(unitFrames(a), unitFrames(q))).toBeLessThan(0.01);
    const raw = (s: Int16Array) => MfccExtractor.compute(s).map((f) => f.coefficients);
    expect(dtwDistance(unitFrames(raw(low)), unitFrames(raw(high)))).toBeGreaterThan(0.1);
    expect(b).toHaveLength(a.length);
  });
});

describe('dynamic time warping', () => {
  const v = (...values: number[]) => Float64Array.from(values);
  it('is zero for a sequence and its slowed copy, and large for another sequence', () => {
    const a = unitFrames([v(1, 0), v(0, 1), v(-1, 0)]);
    const slow = unitFrames([v(1, 0), v(1, 0), v(0, 1), v(0, 1), v(-1, 0), v(-1, 0)]);
    expect(dtwDistance(a, slow)).toBeCloseTo(0, 9);
    const other = unitFrames([v(-1, 0), v(0, -1), v(1, 0)]);
    expect(dtwDistance(a, other)).toBeGreaterThan(0.9);
    expect(dtwDistance(a, [])).toBe(Infinity);
  });
});
