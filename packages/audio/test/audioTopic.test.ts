/**
 * audio_in hearing a ROS audio topic (source: topic), as a robot publishes its microphone with
 * audio_common: espeak-ng speech at its own 22.05 kHz, sent as AudioDataStamped bytes in odd
 * chunk sizes through the in-process graph; and the conversion, timing and error parts alone.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  AudioDataStampedType,
  AudioFrameType,
  Topics,
  VoiceActivityType,
  type AudioFrame,
  type Time,
  type VoiceActivity,
} from '@hearth/interfaces';
import {
  AudioDataLengthError,
  AudioInNode,
  CaptureTimeline,
  decodePcmBytes,
  decodeWav,
  floatToInt16,
  InvalidAudioFormatError,
  parsePcmFormat,
  resample,
  RosTopicSource,
  StreamResampler,
} from '../src/index.js';
import { PacedSteps } from '../src/node/PacedSteps.js';
import { until } from '../../../tests/support/until.js';

/** How long to wait for real-time audio on a busy machine (longer than until's default). */
const WAIT_MS = 15_000;

const SPEECH_RATE = 22050;

/** espeak-ng's own output: 22.05 kHz mono, as a robot's driver might publish it. */
function speak22k(text: string): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    execFile(
      'espeak-ng',
      ['--stdout', text],
      { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error);
        const wav = decodeWav(stdout, 'espeak-ng');
        expect(wav.sampleRate).toBe(SPEECH_RATE);
        resolve(wav.channels[0] as Float32Array);
      },
    );
  });
}

function join(...parts: Float32Array[]): Float32Array {
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Whole 30 ms frames audio_in makes of `clip` (the filter holds back its last millisecond). */
const framesFor = (clip: Float32Array) =>
  Math.floor(((clip.length * 16000) / SPEECH_RATE - 40) / 480);
const quiet = (ms: number, rate = SPEECH_RATE) => new Float32Array(Math.round((ms * rate) / 1000));
const timeMs = (time: Time): number => time.sec * 1000 + time.nanosec / 1e6;
const timeOf = (ms: number): Time => {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
};

/** Interleaved little-endian bytes of `channels` copies of `mono` (a stereo mic hears the same). */
function pcmBytes(mono: Float32Array, format: 'S16LE' | 'F32LE', channels = 1): number[] {
  const size = format === 'S16LE' ? 2 : 4;
  const view = new DataView(new ArrayBuffer(mono.length * size * channels));
  const ints = floatToInt16(mono);
  for (let i = 0; i < mono.length; i++) {
    for (let c = 0; c < channels; c++) {
      const at = (i * channels + c) * size;
      if (format === 'S16LE') view.setInt16(at, ints[i] as number, true);
      else view.setFloat32(at, mono[i] as number, true);
    }
  }
  return Array.from(new Uint8Array(view.buffer));
}

/** Where `clip` (at `rate`) is audible, in ms from its start. */
function audibleFromMs(clip: Float32Array, rate = SPEECH_RATE): number {
  let from = 0;
  while (from < clip.length && Math.abs(clip[from] ?? 0) < 300 / 32768) from++;
  return (from * 1000) / rate;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Odd chunk sizes, in sample frames, cycled: nothing lines up with 30 ms frames. */
const CHUNKS = [331, 1024, 97, 2205, 777, 1500];

interface Sender {
  /** Publishes `clip` from `startMs` in odd chunks; `stamped` false leaves the stamps zero. */
  send(
    clip: Float32Array,
    options: {
      startMs?: number;
      format?: 'S16LE' | 'F32LE';
      channels?: number;
      stamped?: boolean;
      skip?: (index: number) => boolean;
    },
  ): Promise<void>;
}

describe('audio_in from a ROS audio topic', () => {
  let transport: GraphTransport | undefined;
  let capture: LogCapture;
  let speech: Float32Array;

  beforeAll(async () => {
    speech = await speak22k('I did not sleep well last night.');
  });

  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  function graph(): {
    t: GraphTransport;
    tester: GraphNode;
    frames: AudioFrame[];
    activity: VoiceActivity[];
    sender: Sender;
  } {
    capture = new LogCapture();
    transport = createInProcessTransport({ logger: { level: 'debug', capture } });
    const tester = transport.createNode('tester');
    const frames: AudioFrame[] = [];
    const activity: VoiceActivity[] = [];
    tester.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (f) => frames.push(f),
      Qos.sensorData,
    );
    tester.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (a) => activity.push(a),
      Qos.events,
    );
    const publisher = tester.createPublisher(AudioDataStampedType, Topics.audioRaw, Qos.sensorData);
    const sender: Sender = {
      async send(clip, { startMs = 0, format = 'S16LE', channels = 1, stamped = true, skip }) {
        let at = 0;
        for (let index = 0; at < clip.length; index++) {
          const size = CHUNKS[index % CHUNKS.length] as number;
          const chunk = clip.subarray(at, at + size);
          if (skip?.(index) !== true) {
            publisher.publish(
              AudioDataStampedType.create({
                header: {
                  stamp: stamped ? timeOf(startMs + (at * 1000) / SPEECH_RATE) : timeOf(0),
                  frame_id: 'mic',
                },
                audio: { data: pcmBytes(chunk, format, channels) },
              }),
            );
          }
          at += size;
          // Best-effort queues keep 5: let the message and audio_in's frames be taken.
          await tick();
          await tick();
        }
      },
    };
    return { t: transport, tester, frames, activity, sender };
  }

  it('publishes continuous 16 kHz 30 ms frames dated by the stamps, and VAD finds the speech', async () => {
    const { t, frames, activity, sender } = graph();
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: { source: 'topic', topic_sample_rate: SPEECH_RATE, vad: 'silero' },
      }),
    );
    const clip = join(quiet(500), speech, quiet(900));
    const startMs = 1_700_000_000_000;
    await sender.send(clip, { startMs });
    await until('the frames', () => frames.length >= framesFor(clip), WAIT_MS);
    await node.voiceActivityIdle();
    await until('speech start and end', () => activity.length >= 2, WAIT_MS);

    expect(frames.every((f) => f.sample_rate === 16000 && f.channels === 1)).toBe(true);
    expect(frames.every((f) => f.samples.length === 480)).toBe(true);
    expect(timeMs((frames[0] as AudioFrame).stamp)).toBeCloseTo(startMs, 3);
    frames.forEach((frame, i) => expect(timeMs(frame.stamp) - startMs).toBeCloseTo(30 * i, 3));
    // All the audio but the filter's last millisecond, and sample for sample what the same
    // filter makes of the whole clip at once (the streamed one starts from silence).
    const heard = frames.flatMap((f) => f.samples);
    const sent = Float32Array.from(floatToInt16(clip), (v) => v / 32768);
    const whole = Array.from(floatToInt16(resample(sent, SPEECH_RATE, 16000)));
    expect(whole.length - heard.length).toBeLessThan(480 + 32);
    expect(heard.slice(100)).toEqual(whole.slice(100, heard.length));

    const speechStartMs = 500 + audibleFromMs(speech);
    const seen = activity.map((a) => `${a.event}@${Math.round(timeMs(a.stamp) - startMs)}`);
    console.log(`topic audio: speech from ${Math.round(speechStartMs)} ms; VAD ${seen.join(' ')}`);
    expect(activity.map((a) => a.event)).toEqual(['start', 'end']);
    expect(
      Math.abs(timeMs((activity[0] as VoiceActivity).stamp) - startMs - speechStartMs),
    ).toBeLessThan(250);
    expect(node.detector).toBe('silero');
    node.dispose();
  });

  it('averages stereo float samples and dates unstamped messages by their arrival', async () => {
    const { t, tester, frames, sender } = graph();
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: {
          source: 'topic',
          topic_sample_rate: SPEECH_RATE,
          topic_channels: 2,
          topic_sample_format: 'F32LE',
          vad: 'off',
        },
      }),
    );
    const before = tester.clock.nowMs();
    await sender.send(speech, { format: 'F32LE', channels: 2, stamped: false });
    const after = tester.clock.nowMs();
    await until('the frames', () => frames.length >= 20, WAIT_MS);
    const first = timeMs((frames[0] as AudioFrame).stamp);
    // The first message (331 samples, 15 ms) arrived after `before`; it was captured before.
    expect(first).toBeGreaterThanOrEqual(before - 16);
    expect(first).toBeLessThanOrEqual(after);
    frames.forEach((frame, i) => expect(timeMs(frame.stamp) - first).toBeCloseTo(30 * i, 3));
    const whole = Array.from(floatToInt16(resample(speech, SPEECH_RATE, 16000)));
    const heard = frames.flatMap((f) => f.samples);
    // Float input skips the int16 rounding of the reference: within one step.
    const worst = heard
      .slice(100)
      .reduce((most, v, i) => Math.max(most, Math.abs(v - (whole[i + 100] as number))), 0);
    expect(worst).toBeLessThanOrEqual(1);
    node.dispose();
  });

  it('fills lost messages with silence so the stream stays continuous', async () => {
    const { t, frames, sender } = graph();
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: { source: 'topic', topic_sample_rate: SPEECH_RATE, vad: 'off' },
      }),
    );
    const clip = join(speech, quiet(200));
    await sender.send(clip, { startMs: 5000, skip: (i) => i === 3 || i === 4 });
    await until('the frames', () => frames.length >= framesFor(clip), WAIT_MS);
    frames.forEach((frame, i) => expect(timeMs(frame.stamp) - 5000).toBeCloseTo(30 * i, 3));
    const lost = (CHUNKS[3] as number) + (CHUNKS[4] as number);
    const lostFrom = Math.ceil((((CHUNKS[0] as number) + 1024 + 97) * 16000) / SPEECH_RATE) + 40;
    const heard = frames.flatMap((f) => f.samples);
    const gap = heard.slice(lostFrom, lostFrom + Math.floor((lost * 16000) / SPEECH_RATE) - 80);
    expect(gap.every((v) => v === 0)).toBe(true);
    const warnings = capture.linesOf('audio_in', 'warn').filter((r) => r.cause === 'fill');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/lost/);
    node.dispose();
  });

  it('reports a bad format parameter once, with the fix, and hears again once it is fixed', async () => {
    const { t, frames, sender } = graph();
    const audioNode = t.createNode('audio_in', {
      parameterOverrides: { source: 'topic', topic_sample_format: 'S24LE', vad: 'off' },
    });
    const node = new AudioInNode(audioNode);
    await sender.send(speech.subarray(0, 5000), { startMs: 1000 });
    expect(frames).toHaveLength(0);
    const errors = capture.linesOf('audio_in', 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(
      /"topic_sample_format" is "S24LE".*S16LE, F32LE.*ros2 param set/s,
    );
    expect((node.source as RosTopicSource).occurrences('format')).toBeGreaterThan(3);

    // ros2 param set refuses another unreadable value with the reason, and takes a good one.
    const refused = audioNode.setParameters({ topic_sample_rate: 7 });
    expect(refused[0]?.successful).toBe(false);
    expect(refused[0]?.reason).toMatch(/"topic_sample_rate" is 7.*44100/s);
    expect(
      audioNode.setParameters({ topic_sample_format: 's16_le', topic_sample_rate: SPEECH_RATE })[0]
        ?.successful,
    ).toBe(true);
    await sender.send(speech.subarray(0, 4800), { startMs: 9000 });
    await until('frames', () => frames.length >= 7, WAIT_MS);
    expect(timeMs((frames[0] as AudioFrame).stamp)).toBeCloseTo(9000, 3);
    node.dispose();
  });

  it('reports messages that do not fit the sample format once, keeping the whole samples', async () => {
    const { t, tester, frames } = graph();
    const node = new AudioInNode(
      t.createNode('audio_in', {
        parameterOverrides: { source: 'topic', topic_sample_format: 'F32LE', vad: 'off' },
      }),
    );
    const publisher = tester.createPublisher(AudioDataStampedType, Topics.audioRaw, Qos.sensorData);
    for (let i = 0; i < 8; i++) {
      // 1001 bytes: 250 float samples and one stray byte (the publisher sends S16LE, say).
      publisher.publish(
        AudioDataStampedType.create({
          header: { stamp: timeOf(2000 + (i * 250) / 16), frame_id: '' },
          audio: { data: new Array<number>(1001).fill(0) },
        }),
      );
      await tick();
      await tick();
    }
    await until('frames', () => frames.length >= 4, WAIT_MS);
    const errors = capture.linesOf('audio_in', 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/1001 bytes.*4-byte sample frames.*topic_sample_format/s);
    expect((node.source as RosTopicSource).occurrences('length')).toBe(8);
    node.dispose();
  });
});

describe('StreamResampler', () => {
  const signal = Float32Array.from(
    { length: 9000 },
    (_, i) => Math.sin(i / 7) * 0.5 + Math.sin(i / 2.3) * 0.2,
  );

  it.each([
    [22050, 16000],
    [48000, 16000],
    [44100, 16000],
    [8000, 16000],
  ])('streams %d Hz to %d Hz in odd chunks exactly as the whole-clip filter does', (from, to) => {
    const stream = new StreamResampler(from, to);
    const parts: Float32Array[] = [];
    for (let at = 0, i = 0; at < signal.length; i++) {
      const size = CHUNKS[i % CHUNKS.length] as number;
      parts.push(stream.push(signal.subarray(at, at + size)));
      at += size;
    }
    const streamed = join(...parts);
    const whole = resample(signal, from, to);
    // The filter reaches this many input samples ahead: the outputs it holds back.
    const halfWidth = Math.ceil(16 / Math.min(1, to / from));
    const heldBack = Math.ceil((halfWidth * to) / from) + 1;
    expect(whole.length - streamed.length).toBeLessThanOrEqual(heldBack);
    // Past the first filter length (where the batch filter renormalises), they are identical.
    const skip = heldBack;
    expect(Array.from(streamed.subarray(skip))).toEqual(
      Array.from(whole.subarray(skip, streamed.length)),
    );
  });

  it('passes 16 kHz through and restarts cleanly after reset', () => {
    const same = new StreamResampler(16000, 16000);
    expect(Array.from(same.push(signal.subarray(0, 10)))).toEqual(
      Array.from(signal.subarray(0, 10)),
    );
    const stream = new StreamResampler(48000, 16000);
    const first = stream.push(signal.subarray(0, 3000));
    stream.reset();
    expect(Array.from(stream.push(signal.subarray(0, 3000)))).toEqual(Array.from(first));
  });
});

describe('topic audio formats', () => {
  it('decodes interleaved S16LE and F32LE, averaging channels', () => {
    const s16 = new Uint8Array(new Int16Array([16384, -16384, 8192, 8192]).buffer);
    expect(
      Array.from(decodePcmBytes(s16, { sampleRate: 16000, channels: 2, sampleFormat: 'S16LE' })),
    ).toEqual([0, 0.25]);
    const f32 = new Uint8Array(new Float32Array([0.5, Number.NaN, -0.25]).buffer);
    expect(
      Array.from(decodePcmBytes(f32, { sampleRate: 16000, channels: 1, sampleFormat: 'F32LE' })),
    ).toEqual([0.5, 0, -0.25]);
  });

  it('accepts GStreamer and ALSA spellings and names the parameter and fix otherwise', () => {
    expect(parsePcmFormat({ sampleRate: 48000, channels: 2, sampleFormat: 'S16_LE' })).toEqual({
      sampleRate: 48000,
      channels: 2,
      sampleFormat: 'S16LE',
    });
    expect(
      parsePcmFormat({ sampleRate: 44100, channels: 1, sampleFormat: 'float_le' }).sampleFormat,
    ).toBe('F32LE');
    const bad = [
      { sampleRate: 16000, channels: 1, sampleFormat: 'U8' },
      { sampleRate: 1000, channels: 1, sampleFormat: 'S16LE' },
      { sampleRate: 44101, channels: 1, sampleFormat: 'S16LE' },
      { sampleRate: 16000, channels: 0, sampleFormat: 'S16LE' },
    ];
    const parameters = bad.map((setting) => {
      try {
        parsePcmFormat(setting);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidAudioFormatError);
        expect((error as Error).message).toMatch(/audio_info/);
        return (error as InvalidAudioFormatError).parameter;
      }
    });
    expect(parameters).toEqual([
      'topic_sample_format',
      'topic_sample_rate',
      'topic_sample_rate',
      'topic_channels',
    ]);
    expect(new AudioDataLengthError('/a', 7, 4, 'F32LE').message).toMatch(/7 bytes.*3 bytes/s);
  });
});

describe('CaptureTimeline', () => {
  it('absorbs jitter, fills lost audio, restarts after a pause or a jump back', () => {
    const timeline = new CaptureTimeline({ stampToleranceMs: 40, maxFillMs: 2000 });
    expect(timeline.place(1000, true)).toEqual({ kind: 'restart', startMs: 1000, reason: 'first' });
    timeline.advance(20);
    expect(timeline.place(1035, true)).toEqual({ kind: 'continue' }); // 15 ms late: jitter
    timeline.advance(20);
    expect(timeline.place(1100, true)).toEqual({ kind: 'fill', gapMs: 60 });
    timeline.advance(60 + 20);
    expect(timeline.place(5000, true)).toMatchObject({ kind: 'restart', reason: 'pause' });
    timeline.advance(20);
    expect(timeline.place(4000, true)).toMatchObject({ kind: 'restart', reason: 'backwards' });
  });

  it('never fills or runs back on arrival times, only restarts after a long pause', () => {
    const timeline = new CaptureTimeline({ arrivalToleranceMs: 500 });
    timeline.place(0, false);
    timeline.advance(20);
    expect(timeline.place(300, false)).toEqual({ kind: 'continue' });
    expect(timeline.place(-900, false)).toEqual({ kind: 'continue' }); // a burst of queued audio
    expect(timeline.place(900, false)).toMatchObject({ kind: 'restart', reason: 'pause' });
  });
});

describe('PacedSteps', () => {
  it('runs at most perTurn steps a turn, in order, the rest on later turns', async () => {
    const ran: number[] = [];
    const steps = new PacedSteps(4, () => undefined);
    for (let i = 0; i < 10; i++) steps.push(() => ran.push(i));
    expect(ran).toEqual([0, 1, 2, 3]);
    await tick();
    expect(ran).toHaveLength(8);
    await steps.idle();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
