import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AudioInNode, concatPcm, encodeWav, silence, type PcmAudio } from '@hearth/audio';
import { createInProcessTransport, LogCapture, Qos, type GraphTransport } from '@hearth/graph';
import {
  AudioFrameType,
  SpeechEventType,
  Topics,
  WakeWordType,
  type WakeWord,
} from '@hearth/interfaces';
import {
  enrollWakeTemplates,
  TemplateWakeEngine,
  WakeWordNode,
  writeWakeTemplateFile,
} from '../src/index.js';
import { speak, type Voice } from './support/espeak.js';

const ENROLL: Voice[] = [
  { voice: 'en-us', speed: 160, pitch: 50 },
  { voice: 'en-gb', speed: 140, pitch: 35 },
  { voice: 'en-us+f3', speed: 180, pitch: 65 },
];
const SPEAKER: Voice = { voice: 'en-us+m3', speed: 165, pitch: 45 };

let dir: string;
let models: string[];
let wakeFile: string;
let bargeInFile: string;
/** Where "hey hearth" ends in wake.wav (ms from its start). */
let wakeEndMs: number;

async function enroll(phrase: string): Promise<string> {
  const recordings = await Promise.all(
    ENROLL.map(async (voice) => ({ name: voice.voice, audio: await speak(phrase, voice) })),
  );
  const path = join(dir, `${phrase.replace(/ /g, '-')}.json`);
  await writeWakeTemplateFile(path, await enrollWakeTemplates(phrase, recordings));
  return path;
}

async function recording(name: string, ...clips: PcmAudio[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, encodeWav(concatPcm([silence(300), ...clips, silence(500)])));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-wake-'));
  models = await Promise.all([enroll('hey hearth'), enroll('hearth stop')]);
  const [lead, wake, stop] = await Promise.all([
    speak('I feel a bit lonely tonight.', SPEAKER),
    speak('hey hearth', SPEAKER),
    speak('hearth stop', SPEAKER),
  ]);
  wakeFile = await recording('wake.wav', lead as PcmAudio, silence(400), wake as PcmAudio);
  const clipMs = (clip: PcmAudio): number => (clip.samples.length * 1000) / clip.sampleRate;
  let last = (wake as PcmAudio).samples.length - 1;
  while (last > 0 && Math.abs((wake as PcmAudio).samples[last] ?? 0) < 300) last--;
  wakeEndMs = 300 + clipMs(lead as PcmAudio) + 400 + last / 16;
  bargeInFile = await recording('barge-in.wav', stop as PcmAudio);
});

describe('the template engine in the graph: audio_in → wake_word', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  /** The first audio frame's stamp of the last run: the recording's start in clock time. */
  let audioStartMs: number | undefined;

  async function run(file: string, robotSpeaking: boolean): Promise<WakeWord[]> {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const heard: WakeWord[] = [];
    const tester = transport.createNode('tester');
    audioStartMs = undefined;
    tester.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (frame) => (audioStartMs ??= frame.stamp.sec * 1000 + frame.stamp.nanosec / 1e6),
      Qos.sensorData,
    );
    tester.createSubscription(WakeWordType, Topics.wakeWord, (m) => heard.push(m), Qos.events);
    const tts = tester.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    // Template files named relative to the robot profile's folder (baseDir).
    const wake = new WakeWordNode(
      transport.createNode('wake_word', {
        parameterOverrides: { engine: 'template', template_models: models.map((m) => basename(m)) },
      }),
      { baseDir: dir },
    );
    await wake.engine.start(); // resolves once the templates are loaded (idempotent)
    expect((wake.engine as TemplateWakeEngine).phrases).toEqual(['hey hearth', 'hearth stop']);
    if (robotSpeaking) {
      tts.publish(SpeechEventType.create({ utterance_id: 'r1', kind: 'start', text: 'Hello.' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const audio = new AudioInNode(
      transport.createNode('audio_in', {
        parameterOverrides: { source: 'file', file, realtime: false, vad: 'off' },
      }),
    );
    await new Promise<void>((resolve) => audio.onEnd(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return heard;
  }

  it('publishes the wake phrase heard after other speech (engine template)', async () => {
    const heard = await run(wakeFile, false);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ phrase: 'hey hearth', engine: 'template', barge_in: false });
    expect(heard[0]?.score).toBeGreaterThan(0.75);
    // Stamped when the phrase ended in the audio, not when the detector got round to it.
    const stampMs = (heard[0]?.stamp.sec ?? 0) * 1000 + (heard[0]?.stamp.nanosec ?? 0) / 1e6;
    expect(Math.abs(stampMs - (audioStartMs ?? 0) - wakeEndMs)).toBeLessThan(200);
  });

  it('ignores the wake phrase while the robot speaks, but hears the barge-in phrase', async () => {
    expect(await run(wakeFile, true)).toEqual([]);
    const heard = await run(bargeInFile, true);
    expect(heard.map((w) => [w.phrase, w.barge_in])).toEqual([['hearth stop', true]]);
  });
});
