/**
 * audio_in's voice activity on the graph: espeak-ng speech played from a WAV file (or driven by
 * the test) through the in-process graph, with the real Silero model and the energy detector;
 * and the microphone gate from the gesture node's MicGate topic.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  AudioFrameType,
  MicGateType,
  Topics,
  VoiceActivityType,
  type AudioFrame,
  type Time,
  type VoiceActivity,
} from '@hearth/interfaces';
import {
  AudioInNode,
  concatPcm,
  encodeWav,
  silence,
  wavToHearthPcm,
  type PcmAudio,
} from '../src/index.js';
import { ManualSource } from './support/ManualSource.js';
import { until } from '../../../tests/support/until.js';

/** How long to wait for real-time audio on a busy machine (longer than until's default). */
const WAIT_MS = 15_000;

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

const ms = (clip: PcmAudio): number => (clip.samples.length * 1000) / 16000;
const timeMs = (time: Time): number => time.sec * 1000 + time.nanosec / 1e6;

/** Where a clip is audible (espeak-ng pads its clips with silence), from `offsetMs`. */
function audible(clip: PcmAudio, offsetMs: number): { startMs: number; endMs: number } {
  const loud = (i: number): boolean => Math.abs(clip.samples[i] ?? 0) > 300;
  let from = 0;
  while (from < clip.samples.length && !loud(from)) from++;
  let to = clip.samples.length - 1;
  while (to > from && !loud(to)) to--;
  return { startMs: offsetMs + from / 16, endMs: offsetMs + to / 16 };
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

let first: PcmAudio;
let second: PcmAudio;
beforeAll(async () => {
  [first, second] = await Promise.all([
    speak('I did not sleep well last night.'),
    speak('Could you remind me to call my son?', 'en-gb'),
  ]);
});

describe('audio_in voice activity', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  function graph(): {
    t: GraphTransport;
    tester: GraphNode;
    activity: VoiceActivity[];
    frames: AudioFrame[];
  } {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const tester = transport.createNode('tester');
    const activity: VoiceActivity[] = [];
    const frames: AudioFrame[] = [];
    tester.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (m) => activity.push(m),
      Qos.events,
    );
    tester.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (f) => frames.push(f),
      Qos.sensorData,
    );
    return { t: transport, tester, activity, frames };
  }

  it.each(['silero', 'energy'])(
    'publishes speech start and end from a WAV file, dated by the frames (%s)',
    async (vad) => {
      const { t, activity, frames } = graph();
      const dir = await mkdtemp(join(tmpdir(), 'hearth-vad-'));
      const file = join(dir, 'two.wav');
      await writeFile(
        file,
        encodeWav(concatPcm([silence(500), first, silence(900), second, silence(600)])),
      );
      const truth = [audible(first, 500), audible(second, 1400 + ms(first))];
      // A file named relative to the robot profile's folder (baseDir).
      const node = new AudioInNode(
        t.createNode('audio_in', {
          parameterOverrides: { source: 'file', file: 'two.wav', realtime: false, vad },
        }),
        { baseDir: dir },
      );
      let ended = false;
      node.onEnd(() => (ended = true));
      await until('the end of the file', () => ended, WAIT_MS);
      await settle();
      expect(node.detector).toBe(vad);
      const origin = timeMs((frames[0] as AudioFrame).stamp);
      const seen = activity.map((a) => ({
        event: a.event,
        atMs: Math.round(timeMs(a.stamp) - origin),
        segmentMs: Math.round(timeMs(a.segment_start) - origin),
        p: a.probability.toFixed(2),
      }));
      console.log(
        `${vad}: speech ${truth.map((s) => `${Math.round(s.startMs)}-${Math.round(s.endMs)}`).join(', ')} ms; ` +
          `voice activity ${seen.map((s) => `${s.event}@${s.atMs}(p ${s.p})`).join(' ')}`,
      );
      expect(activity.map((a) => a.event)).toEqual(['start', 'end', 'start', 'end']);
      expect(activity.every((a) => a.detector === vad)).toBe(true);
      truth.forEach((segment, i) => {
        const start = seen[2 * i];
        const end = seen[2 * i + 1];
        expect(Math.abs((start?.atMs ?? 0) - segment.startMs)).toBeLessThan(250);
        expect(Math.abs((end?.atMs ?? 0) - segment.endMs)).toBeLessThan(250);
        // Both messages of a segment name its start.
        expect(start?.segmentMs).toBe(start?.atMs);
        expect(end?.segmentMs).toBe(start?.atMs);
      });
      expect(activity[0]?.probability).toBeGreaterThanOrEqual(0.5);
      expect(activity[1]?.probability).toBeLessThan(0.5);
      node.dispose();
    },
  );

  it('publishes no voice activity with vad off', async () => {
    const { t, activity } = graph();
    const source = new ManualSource();
    const off = new AudioInNode(t.createNode('audio_in', { parameterOverrides: { vad: 'off' } }), {
      source,
    });
    await source.play(concatPcm([first, silence(600)]));
    await off.voiceActivityIdle();
    await settle();
    expect(off.detector).toBe('off');
    expect(activity).toHaveLength(0);
    off.dispose();
  });

  it('reports the detector running in the read-only vad_detector parameter', async () => {
    const { t } = graph();
    const graphNode = t.createNode('audio_in', { parameterOverrides: { vad: 'energy' } });
    const node = new AudioInNode(graphNode, { source: new ManualSource() });
    await until('the detector to load', () => node.detector === 'energy', WAIT_MS);
    await settle();
    const client = t.createNode('tool').createParameterClient('audio_in');
    expect(await client.getParameters(['vad_detector'])).toEqual({ vad_detector: 'energy' });
    const [refused] = await client.setParameters({ vad_detector: 'silero' });
    expect(refused?.successful).toBe(false);
    expect(refused?.reason).toMatch(/vad_detector is read-only.*set vad/);
    expect(graphNode.getParameter('vad_detector')).toBe('energy');
    node.dispose();
  });

  it('retunes the hangover on a running node (ros2 param set)', async () => {
    const { t, activity } = graph();
    const source = new ManualSource();
    const audioNode = t.createNode('audio_in', { parameterOverrides: { vad: 'energy' } });
    const node = new AudioInNode(audioNode, { source });
    expect(audioNode.setParameters({ vad_hangover_ms: 1500 })[0]?.successful).toBe(true);
    await source.play(concatPcm([silence(300), first, silence(900)]));
    await node.voiceActivityIdle();
    await settle();
    expect(activity.map((a) => a.event)).toEqual(['start']); // 900 ms of quiet: not yet an end
    await source.play(silence(700));
    await node.voiceActivityIdle();
    await settle();
    expect(activity.map((a) => a.event)).toEqual(['start', 'end']);
    node.dispose();
  });

  it('honours the microphone gate: silence out and no voice activity while it is closed', async () => {
    const { t, tester, activity, frames } = graph();
    const gate = tester.createPublisher(MicGateType, Topics.micGate, Qos.state);
    const source = new ManualSource();
    const node = new AudioInNode(
      t.createNode('audio_in', { parameterOverrides: { vad: 'energy' } }),
      { source },
    );
    const heard = async (clip: PcmAudio): Promise<void> => {
      await source.play(clip);
      await node.voiceActivityIdle();
      await settle();
    };
    const setGate = async (open: boolean): Promise<void> => {
      gate.publish(MicGateType.create({ open, reason: open ? 'motion ended' : 'wave' }));
      await until('the gate', () => node.hearing === open, WAIT_MS);
    };

    await heard(concatPcm([silence(300), first, silence(600)]));
    expect(activity.map((a) => a.event)).toEqual(['start', 'end']);

    // Closed: speech is not heard, and frames of the same length and stamps carry silence.
    await setGate(false);
    const before = frames.length;
    await heard(concatPcm([first, silence(600)]));
    expect(activity).toHaveLength(2);
    const gated = frames.slice(before);
    expect(gated.length).toBeGreaterThan(20);
    expect(gated.every((f) => f.samples.length === 480 && f.samples.every((v) => v === 0))).toBe(
      true,
    );

    // Open again: heard again, dated by the frames' stamps.
    await setGate(true);
    const reopenedAt = frames.length;
    await heard(concatPcm([silence(300), second, silence(600)]));
    expect(activity.map((a) => a.event)).toEqual(['start', 'end', 'start', 'end']);
    const reopenMs = timeMs((frames[reopenedAt] as AudioFrame).stamp);
    const { startMs } = audible(second, 300);
    expect(
      Math.abs(timeMs((activity[2] as VoiceActivity).stamp) - reopenMs - startMs),
    ).toBeLessThan(250);

    // Closing in the middle of speech ends the segment where it was last heard.
    await heard({ sampleRate: 16000, samples: first.samples.slice(0, 16000) }); // 1 s of it
    expect(activity.at(-1)?.event).toBe('start');
    const lastFrame = frames.at(-1) as AudioFrame;
    await setGate(false);
    await heard(silence(100));
    expect(activity.at(-1)?.event).toBe('end');
    expect(timeMs((activity.at(-1) as VoiceActivity).stamp)).toBeLessThanOrEqual(
      timeMs(lastFrame.stamp) + 30,
    );

    node.dispose();
  });

  it('ignores the gate when honor_mic_gate is false, and obeys it again when set back', async () => {
    const { t, tester, activity } = graph();
    const gate = tester.createPublisher(MicGateType, Topics.micGate, Qos.state);
    gate.publish(MicGateType.create({ open: false, reason: 'wave' }));
    const source = new ManualSource();
    const audioNode = t.createNode('audio_in', {
      parameterOverrides: { vad: 'energy', honor_mic_gate: false },
    });
    const node = new AudioInNode(audioNode, { source });
    await settle();
    expect(node.hearing).toBe(true);
    await source.play(concatPcm([silence(300), first, silence(600)]));
    await node.voiceActivityIdle();
    await settle();
    expect(activity.map((a) => a.event)).toEqual(['start', 'end']);
    audioNode.setParameters({ honor_mic_gate: true });
    expect(node.hearing).toBe(false);
    node.dispose();
  });
});
