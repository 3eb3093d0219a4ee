import { afterEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessTransport, LogCapture, Qos, type GraphTransport } from '@hearth/graph';
import { AudioFrameType, Topics, type AudioFrame } from '@hearth/interfaces';
import {
  ArecordFailedError,
  ArecordNotFoundError,
  ArecordSource,
  AudioInNode,
  encodeWav,
  FrameAssembler,
} from '../src/index.js';
import { until } from '../../../tests/support/until.js';

const stampMs = (frame: AudioFrame) => frame.stamp.sec * 1000 + frame.stamp.nanosec / 1e6;

describe('FrameAssembler', () => {
  it('cuts chunks of any size into whole frames and keeps the rest', () => {
    const assembler = new FrameAssembler(4);
    expect(assembler.push(Int16Array.from([1, 2, 3]))).toEqual([]);
    const frames = assembler.push(Int16Array.from([4, 5, 6, 7, 8, 9]));
    expect(frames.map((f) => Array.from(f))).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(Array.from(assembler.flush() ?? [])).toEqual([9]);
    expect(assembler.flush()).toBeUndefined();
  });
});

// Frames only: voice activity is tested in voiceActivity.test.ts, so the detector is off here.
describe('AudioInNode', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  function graph() {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const frames: AudioFrame[] = [];
    transport
      .createNode('listener')
      .createSubscription(AudioFrameType, Topics.audioIn, (f) => frames.push(f), Qos.sensorData);
    return { transport, frames };
  }

  it('plays a WAV file as 30 ms frames with sample-exact stamps, losing none', async () => {
    const { transport: t, frames } = graph();
    const dir = await mkdtemp(join(tmpdir(), 'hearth-audio-'));
    const file = join(dir, 'speech.wav');
    const samples = Int16Array.from({ length: 16000 }, (_, i) => (i * 7) % 2000);
    await writeFile(file, encodeWav({ sampleRate: 16000, samples }));
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: { source: 'file', file, realtime: false, vad: 'off' },
      }),
    );
    let ended = false;
    node.onEnd(() => (ended = true));
    await until('the end of the file', () => ended && frames.length >= 34);
    expect(frames).toHaveLength(34); // 33 whole frames of 480 and the last 160 samples
    expect(frames[0]).toMatchObject({ sample_rate: 16000, channels: 1 });
    expect(frames[0]?.samples).toHaveLength(480);
    expect(frames.flatMap((f) => f.samples)).toEqual(Array.from(samples));
    const first = stampMs(frames[0] as AudioFrame);
    expect(stampMs(frames[10] as AudioFrame) - first).toBeCloseTo(300, 3);
    node.dispose();
  });

  it('plays in real time at the pace of a microphone', async () => {
    const { transport: t, frames } = graph();
    const dir = await mkdtemp(join(tmpdir(), 'hearth-audio-'));
    const file = join(dir, 'short.wav');
    await writeFile(file, encodeWav({ sampleRate: 16000, samples: new Int16Array(4800) }));
    const started = Date.now();
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: { source: 'file', file, frame_ms: 20, vad: 'off' },
      }),
    );
    await until('300 ms of frames', () => frames.length >= 15);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    node.dispose();
  });

  it('captures from arecord (a fake on PATH writing PCM) with the ALSA arguments', async () => {
    const { transport: t, frames } = graph();
    const dir = await mkdtemp(join(tmpdir(), 'hearth-arecord-'));
    const fake = join(dir, 'arecord');
    // Records its arguments, then writes 0.1 s of a ramp as raw S16_LE and waits to be stopped.
    await writeFile(
      fake,
      `#!/usr/bin/env node
require('fs').writeFileSync(${JSON.stringify(join(dir, 'args.json'))}, JSON.stringify(process.argv.slice(2)));
const b = Buffer.alloc(3200);
for (let i = 0; i < 1600; i++) b.writeInt16LE(i, i * 2);
process.stdout.write(b.subarray(0, 1001));
setTimeout(() => process.stdout.write(b.subarray(1001)), 20);
setInterval(() => {}, 1000);
`,
    );
    await chmod(fake, 0o755);
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: {
          source: 'alsa',
          device: 'plughw:1,0',
          arecord_path: fake,
          vad: 'off',
        },
      }),
    );
    await until('the fake recording', () => frames.length >= 3);
    expect(frames.flatMap((f) => f.samples).slice(0, 1440)).toEqual(
      Array.from({ length: 1440 }, (_, i) => i),
    );
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile(join(dir, 'args.json'), 'utf8'))).toEqual([
      '-q',
      '-D',
      'plughw:1,0',
      '-f',
      'S16_LE',
      '-r',
      '16000',
      '-c',
      '1',
      '-t',
      'raw',
    ]);
    node.dispose();
  });

  it('reports a missing arecord and one that dies, with the fix', async () => {
    const missing = new ArecordSource({ device: 'default', binaryPath: '/nonexistent/arecord' });
    await expect(missing.start()).rejects.toThrow(ArecordNotFoundError);
    await expect(missing.start()).rejects.toThrow(/alsa-utils/);

    const dir = await mkdtemp(join(tmpdir(), 'hearth-arecord-'));
    const dying = join(dir, 'arecord');
    await writeFile(
      dying,
      '#!/bin/sh\necho "audio open error: No such file or directory" >&2\nexit 1\n',
    );
    await chmod(dying, 0o755);
    const source = new ArecordSource({ device: 'hw:9', binaryPath: dying });
    const ended = new Promise<Error | undefined>((resolve) =>
      source.onEnd((end) => resolve(end.error)),
    );
    await source.start();
    const error = await ended;
    expect(error).toBeInstanceOf(ArecordFailedError);
    expect(error?.message).toMatch(/"hw:9".*audio open error.*arecord -L/s);
    source.dispose();
  });

  it('publishes nothing with source none (the simulator)', async () => {
    const { transport: t, frames } = graph();
    const node = new AudioInNode(t.createNode('audio_in'));
    expect(node.source).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(frames).toHaveLength(0);
    node.dispose();
  });
});
