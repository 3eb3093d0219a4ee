import { describe, expect, it } from '@jest/globals';
import { concatPcm, silence, type PcmAudio } from '@hearth/audio';
import {
  DEFAULT_NEGATIVE_MARGIN,
  DEFAULT_TEMPLATE_THRESHOLD,
  enrollWakeTemplates,
  TemplateMatcher,
  type TemplateMatch,
  type WakeTemplateFile,
} from '../src/index.js';
import { describeVoice, speak, type Voice } from './support/espeak.js';

const PHRASE = 'hey hearth';

/** Enrollment: three voices, speeds and pitches. */
const ENROLL: Voice[] = [
  { voice: 'en-us', speed: 160, pitch: 50 },
  { voice: 'en-gb', speed: 140, pitch: 35 },
  { voice: 'en-us+f3', speed: 180, pitch: 65 },
];

/** Detection: voices, accents, speeds and pitches not enrolled, each after other speech. */
const SPEAKERS: Voice[] = [
  { voice: 'en-us', speed: 150, pitch: 45 },
  { voice: 'en-gb', speed: 170, pitch: 55 },
  { voice: 'en-us+m3', speed: 165, pitch: 40 },
  { voice: 'en-us+f2', speed: 145, pitch: 70 },
  { voice: 'en-gb-x-rp', speed: 155, pitch: 50 },
  { voice: 'en-us+m1', speed: 130, pitch: 30 },
  { voice: 'en-gb-scotland', speed: 160, pitch: 60 },
  { voice: 'en-029', speed: 150, pitch: 50 },
  { voice: 'en-us+f4', speed: 190, pitch: 75 },
  { voice: 'en-gb-x-gbclan', speed: 175, pitch: 45 },
  { voice: 'en-us+m7', speed: 120, pitch: 55 },
  { voice: 'en-gb+f5', speed: 200, pitch: 80 },
];
const LEAD_INS = [
  'I had a long day today and I feel tired.',
  'The kettle is on and the cat is asleep.',
  'My daughter called me this morning.',
  'It is raining again outside.',
];
/** Ordinary speech that should never wake the robot: the negative audio. */
const OTHER_PHRASES = [
  'hello there, how are you doing',
  'please hand me the newspaper',
  'what time is it now',
  'the garden looks lovely in spring',
  'I think I will have a cup of tea and sit by the window for a while',
  'the doctor said my knee is getting better, slowly but surely',
  'we used to walk by the river every Sunday when the children were small',
  'could you remind me to take my tablets after lunch',
];
/** Near misses: sound-alikes, part of the phrase, and its words in another order. */
const NEAR_MISSES = ['hey heart', 'hey there', 'heath', 'hearth hey'];
/** The confusable phrase enrolled as a negative template, in the enrollment voices. */
const NEGATIVE_PHRASE = 'hey heart';
/** Who says the near misses: voices not enrolled (neither the phrase nor the negatives). */
const NEAR_MISS_VOICES: Voice[] = [
  SPEAKERS[1] as Voice,
  SPEAKERS[2] as Voice,
  SPEAKERS[3] as Voice,
  SPEAKERS[4] as Voice,
];

/**
 * Floors from what was measured here (espeak-ng 1.51, default threshold 0.75 and negative margin
 * 0, output is deterministic): 10/12 detected (en-gb+f5 at 200 wpm, faster than any enrollment,
 * is missed; en-029 now loses to the "hey heart" negatives), no false alarm in 68.7 s of
 * negative audio. Near misses by voices not enrolled: "hey heart" was accepted 4/4 without
 * negatives (MFCC templates barely tell the final /θ/ from /t/) and 1/4 with them (en-us+f2,
 * 0.901 against its best negative 0.896); the others 0/12. Detections (9/12) and false alarms
 * (1) leave one of room for another espeak-ng build; the near-miss floor is the one measured.
 */
const MIN_DETECTION_RATE = 9 / 12;
const MAX_FALSE_ALARMS = 1;
const MAX_NEAR_MISS_ACCEPTS = 1;

interface Trial {
  readonly label: string;
  readonly audio: PcmAudio;
  /** Where the phrase is, in ms, for positives. */
  readonly phraseAtMs?: { startMs: number; endMs: number };
}

const ms = (audio: PcmAudio): number => (audio.samples.length * 1000) / audio.sampleRate;

async function buildTrials(): Promise<{
  positives: Trial[];
  negatives: Trial[];
  nearMisses: (Trial & { readonly text: string })[];
}> {
  const positives = Promise.all(
    SPEAKERS.map(async (voice, i) => {
      const [lead, phrase] = await Promise.all([
        speak(LEAD_INS[i % LEAD_INS.length] ?? '', voice),
        speak(PHRASE, voice),
      ]);
      const before = concatPcm([silence(300), lead, silence(500)]);
      const startMs = ms(before);
      return {
        label: `"…${PHRASE}" ${describeVoice(voice)}`,
        audio: concatPcm([before, phrase, silence(400)]),
        phraseAtMs: { startMs, endMs: startMs + ms(phrase) },
      };
    }),
  );
  const negatives = Promise.all(
    OTHER_PHRASES.map(async (text, i) => {
      const voice = SPEAKERS[i % SPEAKERS.length] as Voice;
      return {
        label: `"${text.slice(0, 34)}" ${describeVoice(voice)}`,
        audio: concatPcm([silence(300), await speak(text, voice), silence(400)]),
      };
    }),
  );
  const nearMisses = Promise.all(
    NEAR_MISSES.flatMap((text) =>
      NEAR_MISS_VOICES.map(async (voice) => ({
        text,
        label: `near miss "${text}" ${describeVoice(voice)}`,
        audio: concatPcm([silence(300), await speak(text, voice), silence(400)]),
      })),
    ),
  );
  return { positives: await positives, negatives: await negatives, nearMisses: await nearMisses };
}

function detect(model: WakeTemplateFile, audio: PcmAudio): TemplateMatch[] {
  const matcher = new TemplateMatcher(model, {
    threshold: THRESHOLD,
    refractoryMs: 1500,
    negativeMargin: MARGIN,
  });
  const matches = [];
  // Feed 30 ms frames, as audio_in publishes them.
  for (let at = 0; at < audio.samples.length; at += 480) {
    matches.push(...matcher.push(audio.samples.subarray(at, at + 480)));
  }
  return matches;
}

const describeMatches = (matches: readonly TemplateMatch[]): string =>
  matches.map((m) => `${Math.round(m.endMs)}ms ${m.score.toFixed(3)}`).join(', ') || '-';

const THRESHOLD = DEFAULT_TEMPLATE_THRESHOLD;
const MARGIN = DEFAULT_NEGATIVE_MARGIN;

describe('the offline template wake word on espeak-ng speech', () => {
  it('detects the enrolled phrase after other speech, and rarely elsewhere or on near misses', async () => {
    const started = performance.now();
    const enrollment = await Promise.all(
      ENROLL.map(async (voice) => ({
        name: describeVoice(voice),
        audio: await speak(PHRASE, voice),
      })),
    );
    const confusables = await Promise.all(
      ENROLL.map(async (voice) => ({
        name: `${NEGATIVE_PHRASE} ${describeVoice(voice)}`,
        audio: await speak(NEGATIVE_PHRASE, voice),
      })),
    );
    const model = await enrollWakeTemplates(PHRASE, enrollment, undefined, confusables);
    const { positives, negatives, nearMisses } = await buildTrials();
    const synthesized = performance.now();

    const rows: string[] = [];
    const row = (label: string, expected: string, matches: readonly TemplateMatch[]): void => {
      rows.push(`${label.padEnd(66)} ${expected.padEnd(14)} ${describeMatches(matches)}`);
    };
    let hits = 0;
    let falseAlarms = 0;
    // Negative audio: the other speech, and the speech before the phrase in each positive.
    let negativeMs = 0;
    for (const trial of positives) {
      const matches = detect(model, trial.audio);
      const at = trial.phraseAtMs as { startMs: number; endMs: number };
      const inPhrase = matches.filter((m) => m.endMs >= at.startMs && m.endMs <= at.endMs + 500);
      if (inPhrase.length > 0) hits++;
      falseAlarms += matches.length - inPhrase.length;
      negativeMs += at.startMs;
      row(trial.label, `${Math.round(at.startMs)}-${Math.round(at.endMs)} ms`, matches);
    }
    for (const trial of negatives) {
      const matches = detect(model, trial.audio);
      falseAlarms += matches.length;
      negativeMs += ms(trial.audio);
      row(trial.label, 'none', matches);
    }
    let nearMissAccepts = 0;
    let confusableAccepts = 0;
    for (const trial of nearMisses) {
      const matches = detect(model, trial.audio);
      if (matches.length > 0) {
        nearMissAccepts++;
        if (trial.text === NEGATIVE_PHRASE) confusableAccepts++;
      }
      row(trial.label, 'none', matches);
    }
    const detectionRate = hits / positives.length;
    const falseAlarmsPerHour = (falseAlarms / negativeMs) * 3_600_000;
    console.log(
      [
        `template wake word "${PHRASE}", threshold ${THRESHOLD}, negative margin ${MARGIN} ` +
          `("${NEGATIVE_PHRASE}"), enrolled from ${ENROLL.map(describeVoice).join('; ')}`,
        ...rows,
        `detection rate ${hits}/${positives.length} (${(detectionRate * 100).toFixed(0)}%); ` +
          `false alarms ${falseAlarms} in ${(negativeMs / 1000).toFixed(1)} s of negative audio ` +
          `(${falseAlarmsPerHour.toFixed(0)} per hour); near-miss false accepts ` +
          `${nearMissAccepts}/${nearMisses.length} ` +
          `(${((nearMissAccepts / nearMisses.length) * 100).toFixed(0)}%; "${NEGATIVE_PHRASE}" ` +
          `${confusableAccepts}/${NEAR_MISS_VOICES.length}); espeak-ng and ` +
          `enrollment ${Math.round(synthesized - started)} ms, detection ` +
          `${Math.round(performance.now() - synthesized)} ms`,
      ].join('\n'),
    );
    expect(detectionRate).toBeGreaterThanOrEqual(MIN_DETECTION_RATE);
    expect(falseAlarms).toBeLessThanOrEqual(MAX_FALSE_ALARMS);
    expect(nearMissAccepts).toBeLessThanOrEqual(MAX_NEAR_MISS_ACCEPTS);
  }, 30_000);
});
