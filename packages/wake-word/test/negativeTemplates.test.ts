import { describe, expect, it } from '@jest/globals';
import { concatPcm, silence } from '@hearth/audio';
import {
  checkWakeTemplateFile,
  enrollWakeTemplates,
  InvalidWakeTemplateError,
  TemplateMatcher,
  WAKE_TEMPLATE_VERSION,
  type WakeTemplateFile,
} from '../src/index.js';
import { describeVoice, speak, type Voice } from './support/espeak.js';

const VOICES: Voice[] = [
  { voice: 'en-us', speed: 160, pitch: 50 },
  { voice: 'en-gb', speed: 140, pitch: 35 },
  { voice: 'en-us+f3', speed: 180, pitch: 65 },
];

const recordings = (text: string) =>
  Promise.all(
    VOICES.map(async (voice) => ({
      name: `${text} ${describeVoice(voice)}`,
      audio: await speak(text, voice),
    })),
  );

function count(model: WakeTemplateFile, samples: Int16Array, negativeMargin: number): number {
  const matcher = new TemplateMatcher(model, {
    threshold: 0.75,
    refractoryMs: 1500,
    negativeMargin,
  });
  let found = 0;
  for (let at = 0; at < samples.length; at += 480) {
    found += matcher.push(samples.subarray(at, at + 480)).length;
  }
  return found;
}

describe('negative (confusable) wake templates', () => {
  it('stores negatives in a version 2 file, still reads version 1, and vetoes a phrase its negatives match as well', async () => {
    const [phrase, confusable, other] = await Promise.all([
      recordings('hey hearth'),
      recordings('hey hearth'),
      speak('hey hearth', { voice: 'en-gb-x-rp', speed: 155, pitch: 50 }),
    ]);
    const plain = await enrollWakeTemplates('hey hearth', phrase);
    const withNegatives = await enrollWakeTemplates('hey hearth', phrase, undefined, confusable);
    expect(withNegatives.version).toBe(WAKE_TEMPLATE_VERSION);
    expect(withNegatives.negatives).toHaveLength(3);
    expect(plain.negatives).toBeUndefined();
    // A version 1 file (before negatives) still loads; an unknown version says what to do.
    expect(checkWakeTemplateFile({ ...plain, version: 1 }, 'old.json').templates).toHaveLength(3);
    expect(() => checkWakeTemplateFile({ ...plain, version: 3 }, 'new.json')).toThrow(
      InvalidWakeTemplateError,
    );
    expect(() =>
      checkWakeTemplateFile({ ...withNegatives, negatives: [{ source: 'x', frames: [[1]] }] }, 'x'),
    ).toThrow(/negative 0 has a frame/);

    const audio = concatPcm([silence(300), other, silence(600)]).samples;
    expect(count(plain, audio, 0)).toBe(1);
    // Negatives identical to the phrase: it never beats them by a positive margin.
    expect(count(withNegatives, audio, 0.01)).toBe(0);
    // A margin below zero lets a phrase through that scores a little under its negatives.
    expect(count(withNegatives, audio, -0.05)).toBe(1);
  }, 15_000);

  it('hears the real phrase said straight after a near miss its negatives rejected', async () => {
    const [phrase, confusable] = await Promise.all([
      recordings('hey hearth'),
      recordings('hey heart'),
    ]);
    const model = await enrollWakeTemplates('hey hearth', phrase, undefined, confusable);
    // Voices not enrolled whose "hey heart" the negatives reject (templateWakeWord.test.ts).
    for (const voice of [
      { voice: 'en-gb', speed: 170, pitch: 55 },
      { voice: 'en-us+m3', speed: 165, pitch: 40 },
    ]) {
      const [nearMiss, real] = await Promise.all([
        speak('hey heart', voice),
        speak('hey hearth', voice),
      ]);
      const alone = concatPcm([silence(300), nearMiss, silence(600)]).samples;
      expect(count(model, alone, 0)).toBe(0);
      // Well inside the 1.5 s refractory period that a rejection used to start.
      const both = concatPcm([silence(300), nearMiss, silence(300), real, silence(600)]).samples;
      expect(count(model, both, 0)).toBe(1);
    }
  }, 15_000);
});
