import { describe, expect, it } from '@jest/globals';
import { concatPcm, silence, type PcmAudio } from '@hearth/audio';
import {
  DEFAULT_TEMPLATE_THRESHOLD,
  enrollWakeTemplates,
  TemplateMatcher,
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

/** Detection: voices, speeds and pitches not enrolled, each after other speech. */
const SPEAKERS: Voice[] = [
  { voice: 'en-us', speed: 150, pitch: 45 },
  { voice: 'en-gb', speed: 170, pitch: 55 },
  { voice: 'en-us+m3', speed: 165, pitch: 40 },
  { voice: 'en-us+f2', speed: 145, pitch: 70 },
];
const LEAD_INS = [
  'I had a long day today and I feel tired.',
  'The kettle is on and the cat is asleep.',
  'My daughter called me this morning.',
  'It is raining again outside.',
];
const OTHER_PHRASES = [
  'hello there, how are you doing',
  'please hand me the newspaper',
  'what time is it now',
  'the garden looks lovely in spring',
];

interface Trial {
  readonly label: string;
  readonly audio: PcmAudio;
  /** Where the phrase is, in ms, for positives. */
  readonly phraseAtMs?: { startMs: number; endMs: number };
}

async function buildTrials(): Promise<{ positives: Trial[]; negatives: Trial[] }> {
  const positives = await Promise.all(
    SPEAKERS.map(async (voice, i) => {
      const [lead, phrase] = await Promise.all([
        speak(LEAD_INS[i] ?? '', voice),
        speak(PHRASE, voice),
      ]);
      const before = concatPcm([silence(300), lead, silence(500)]);
      const startMs = (before.samples.length * 1000) / 16000;
      const endMs = startMs + (phrase.samples.length * 1000) / 16000;
      return {
        label: `"…${PHRASE}" ${describeVoice(voice)}`,
        audio: concatPcm([before, phrase, silence(400)]),
        phraseAtMs: { startMs, endMs },
      };
    }),
  );
  const negatives = await Promise.all(
    OTHER_PHRASES.map(async (text, i) => {
      const voice = SPEAKERS[i] as Voice;
      return {
        label: `"${text}" ${describeVoice(voice)}`,
        audio: concatPcm([silence(300), await speak(text, voice), silence(400)]),
      };
    }),
  );
  return { positives, negatives };
}

function detect(model: WakeTemplateFile, audio: PcmAudio) {
  const matcher = new TemplateMatcher(model, { threshold: THRESHOLD, refractoryMs: 1500 });
  const matches = [];
  // Feed 30 ms frames, as audio_in publishes them.
  for (let at = 0; at < audio.samples.length; at += 480) {
    matches.push(...matcher.push(audio.samples.subarray(at, at + 480)));
  }
  return matches;
}

const THRESHOLD = DEFAULT_TEMPLATE_THRESHOLD;

describe('the offline template wake word on espeak-ng speech', () => {
  it('detects the enrolled phrase after other speech and rarely elsewhere', async () => {
    const started = performance.now();
    const enrollment = await Promise.all(
      ENROLL.map(async (voice) => ({
        name: describeVoice(voice),
        audio: await speak(PHRASE, voice),
      })),
    );
    const model = await enrollWakeTemplates(PHRASE, enrollment);
    const { positives, negatives } = await buildTrials();
    const synthesized = performance.now();

    const rows: { recording: string; expected: string; detections: string }[] = [];
    let hits = 0;
    let falseAlarms = 0;
    for (const trial of positives) {
      const matches = detect(model, trial.audio);
      const at = trial.phraseAtMs as { startMs: number; endMs: number };
      const inPhrase = matches.filter((m) => m.endMs >= at.startMs && m.endMs <= at.endMs + 500);
      if (inPhrase.length > 0) hits++;
      falseAlarms += matches.length - inPhrase.length;
      rows.push({
        recording: trial.label,
        expected: `${Math.round(at.startMs)}-${Math.round(at.endMs)} ms`,
        detections:
          matches.map((m) => `${Math.round(m.endMs)}ms ${m.score.toFixed(3)}`).join(', ') || '-',
      });
    }
    for (const trial of negatives) {
      const matches = detect(model, trial.audio);
      falseAlarms += matches.length;
      rows.push({
        recording: trial.label,
        expected: 'none',
        detections:
          matches.map((m) => `${Math.round(m.endMs)}ms ${m.score.toFixed(3)}`).join(', ') || '-',
      });
    }
    const seconds = [...positives, ...negatives].reduce(
      (s, t) => s + t.audio.samples.length / 16000,
      0,
    );
    const detectionRate = hits / positives.length;
    console.log(
      [
        `template wake word "${PHRASE}", threshold ${THRESHOLD}, enrolled from ${ENROLL.map(describeVoice).join('; ')}`,
        ...rows.map((r) => `${r.recording.padEnd(60)} ${r.expected.padEnd(14)} ${r.detections}`),
        `detection rate ${hits}/${positives.length} (${(detectionRate * 100).toFixed(0)}%), ` +
          `false alarms ${falseAlarms} in ${seconds.toFixed(1)} s of audio ` +
          `(${((falseAlarms / seconds) * 3600).toFixed(0)} per hour); espeak-ng and enrollment ` +
          `${Math.round(synthesized - started)} ms, detection ${Math.round(performance.now() - synthesized)} ms`,
      ].join('\n'),
    );
    expect(detectionRate).toBeGreaterThanOrEqual(0.75);
    expect(falseAlarms).toBeLessThanOrEqual(1);
  });
});
