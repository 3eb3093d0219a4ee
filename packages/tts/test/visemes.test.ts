import { afterAll, describe, expect, it } from '@jest/globals';
import { EspeakEngine } from '../src/engine/EspeakEngine.js';
import { ipaToVisemes } from '../src/engine/visemes/azureVisemes.js';
import { parsePhonemeLines, phonemizerInput } from '../src/engine/visemes/espeakPhonemes.js';
import { placeVisemes } from '../src/engine/visemes/placeVisemes.js';

const calm = { voice: 'en-us', rate: 150, pitch: 45 };

describe('ipaToVisemes (Microsoft viseme ids)', () => {
  it('maps documented phonemes to their ids, ignoring stress and length marks', () => {
    expect(ipaToVisemes('p')).toEqual([21]);
    expect(ipaToVisemes('ˈaɪ')).toEqual([11]);
    expect(ipaToVisemes('tʃ')).toEqual([16]);
    expect(ipaToVisemes('ð')).toEqual([17]);
    expect(ipaToVisemes('ˈoːɹ')).toEqual([8, 13]);
    expect(ipaToVisemes('ɡ')).toEqual([20]);
  });

  it('skips symbols it does not know instead of failing', () => {
    expect(ipaToVisemes('☃')).toEqual([]);
    expect(ipaToVisemes('☃m')).toEqual([21]);
  });
});

describe('espeak-ng phoneme lines', () => {
  it('reads one entry per word line, phonemes split at the separator', () => {
    expect(phonemizerInput(['I', 'am'])).toBe('I\n.\nam\n.\n');
    expect(parsePhonemeLines('h_ə_l_ˈoʊ\n\nb_ˈiː__ɪ_ŋ\n\nf_ˈoːɹ_ɾ_i t_ˈuː\n')).toEqual([
      ['h', 'ə', 'l', 'ˈoʊ'],
      ['b', 'ˈiː', 'ɪ', 'ŋ'],
      ['f', 'ˈoːɹ', 'ɾ', 'i', 't', 'ˈuː'],
    ]);
  });
});

describe('placeVisemes', () => {
  const words = [
    { text: 'map', offsetMs: 100, durationMs: 300 },
    { text: 'see', offsetMs: 600, durationMs: 200 },
  ];

  it("spreads each word's visemes inside its time, closing the mouth at pauses", () => {
    const visemes = placeVisemes(words, [
      ['m', 'ˈæ', 'p'],
      ['s', 'ˈiː'],
    ]);
    expect(visemes).toEqual([
      { viseme: '21', offsetMs: 100 },
      { viseme: '1', offsetMs: 175 },
      { viseme: '21', offsetMs: 325 },
      { viseme: '0', offsetMs: 400 },
      { viseme: '15', offsetMs: 600 },
      { viseme: '6', offsetMs: 667 },
      { viseme: '0', offsetMs: 800 },
    ]);
  });

  it('keeps order over the whole span when words and phonemes disagree', () => {
    const visemes = placeVisemes(words, [['m', 'ˈæ', 'p', 's', 'ˈiː']]);
    expect(visemes.map((v) => v.viseme)).toEqual(['21', '1', '21', '15', '6', '0']);
    expect(visemes[0]?.offsetMs).toBe(100);
    expect(visemes[visemes.length - 1]?.offsetMs).toBe(800);
  });

  it('gives nothing for no words', () => {
    expect(placeVisemes([], [])).toEqual([]);
  });
});

// Both ways of reaching espeak-ng: the library's phoneme events, and the command line's phonemizer
// placed inside estimated word timings (the fallback).
describe.each(['library', 'cli'] as const)('visemes from real espeak-ng (%s)', (backend) => {
  const engine = new EspeakEngine({ backend });
  afterAll(() => engine.dispose());

  it('orders them inside the audio, each word starting with its own shape', async () => {
    const synthesis = await engine.synthesize('Maybe we should breathe, slowly. Fine?', calm);
    const { visemes, words } = synthesis;
    expect(visemes.length).toBeGreaterThan(15);
    const offsets = visemes.map((v) => v.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(offsets[0]).toBeGreaterThanOrEqual(0);
    expect(offsets[offsets.length - 1]).toBeLessThanOrEqual(synthesis.durationMs);
    for (const v of visemes) expect(Number(v.viseme)).toBeGreaterThanOrEqual(0);
    for (const v of visemes) expect(Number(v.viseme)).toBeLessThanOrEqual(21);
    // The first shape at or after the word's start: libespeak-ng's word event comes a few ms
    // before the word's first phoneme event.
    const at = (ms: number) => visemes.find((v) => v.offsetMs >= ms)?.viseme;
    const startOf = (text: string) => words.find((w) => w.text === text)?.offsetMs ?? -1;
    // m (lips closed), w (rounded), ʃ, b, f: the first shape of each word.
    expect(at(startOf('Maybe'))).toBe('21');
    expect(at(startOf('we'))).toBe('7');
    expect(at(startOf('should'))).toBe('16');
    expect(at(startOf('breathe'))).toBe('21');
    expect(at(startOf('Fine'))).toBe('18');
    // "breathe" ends in ð; the comma's pause and the end close the mouth.
    const breatheEnd = visemes.filter((v) => v.offsetMs < startOf('slowly'));
    expect(breatheEnd.slice(-2).map((v) => v.viseme)).toEqual(['17', '0']);
    expect(visemes[visemes.length - 1]?.viseme).toBe('0');
  });

  it('keeps one line per word for words espeak-ng groups or expands (I am, 42)', async () => {
    const synthesis = await engine.synthesize('I am 42.', calm);
    expect(synthesis.words.map((w) => w.text)).toEqual(['I', 'am', '42']);
    const amStart = synthesis.words[1]?.offsetMs ?? -1;
    // "am" starts with its vowel and closes on m, inside its own word.
    const am = synthesis.visemes.filter(
      (v) => v.offsetMs >= amStart && v.offsetMs < (synthesis.words[2]?.offsetMs ?? 0),
    );
    expect(am.map((v) => v.viseme)).toEqual(['1', '21']);
  });

  it('leaves visemes out when asked to', async () => {
    const synthesis = await new EspeakEngine({ backend, visemes: false }).synthesize(
      'Hello.',
      calm,
    );
    expect(synthesis.visemes).toEqual([]);
    expect(synthesis.words).toHaveLength(1);
  });
});
