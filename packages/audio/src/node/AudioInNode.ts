import { resolve } from 'node:path';
import {
  Listeners,
  Qos,
  type Disposable,
  type GraphNode,
  type ParameterChange,
  type ParameterValue,
  type Publisher,
} from '@hearth/graph';
import {
  AudioFrameType,
  MicGateType,
  Topics,
  VoiceActivityType,
  type AudioFrame,
  type MicGate,
  type VoiceActivity,
} from '@hearth/interfaces';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { ArecordSource } from '../sources/ArecordSource.js';
import type { AudioSource, AudioSourceEnd } from '../sources/AudioSource.js';
import { RosTopicSource } from '../sources/RosTopicSource.js';
import { WavFileSource } from '../sources/WavFileSource.js';
import {
  checkChannels,
  checkSampleFormat,
  checkSampleRate,
  type PcmFormatSetting,
} from '../topic/PcmFormat.js';
import { createVad } from '../vad/createVad.js';
import type { VadSegmentOptions } from '../vad/Vad.js';
import { FrameAssembler } from './FrameAssembler.js';
import { PacedSteps } from './PacedSteps.js';
import {
  AUDIO_SOURCES,
  AudioInParameters,
  VAD_KINDS,
  type AudioSourceKind,
  type VadKind,
} from './parameters.js';
import { timeFromMs, VoiceActivityTracker } from './VoiceActivityTracker.js';

export interface AudioInNodeOptions {
  /** Replaces the source the parameters describe (tests, a custom capture). */
  readonly source?: AudioSource;
  /** Start capturing at construction (default true). */
  readonly autoStart?: boolean;
  /** A relative `file` resolves against this folder (the robot profile's); default: cwd. */
  readonly baseDir?: string;
}

/**
 * The audio_in node: publishes 16 kHz mono frames on /hearth/audio/in, best-effort (a late frame
 * is worth less than a fresh one). Each frame's stamp is the capture start plus the samples
 * before it, so stamps are exact to the sample whatever the delivery jitter.
 *
 * Its voice activity detector (Silero or energy) publishes speech start and end on
 * /hearth/audio/voice_activity, dated by those stamps. While the gesture node's MicGate is closed
 * (the robot's motors are loud) and `honor_mic_gate` is true, frames go out as silence of the
 * same length and stamps, and the detector hears nothing: see `publish`.
 */
export class AudioInNode implements Disposable {
  readonly source: AudioSource | undefined;
  /** The source when it is a ROS audio topic, whose format parameters may change. */
  private readonly topicSource: RosTopicSource | undefined;
  readonly frameSamples: number;
  private readonly publisher: Publisher<AudioFrame>;
  private readonly activityPublisher: Publisher<VoiceActivity>;
  private readonly vadKind: VadKind;
  private segmentOptions: Required<VadSegmentOptions>;
  private tracker: VoiceActivityTracker | undefined;
  private honorMicGate: boolean;
  private micOpen = true;
  private detectorName = 'off';
  /** Set while the node reports its detector, the one change `vad_detector` accepts. */
  private reportingDetector = false;
  private readonly assembler: FrameAssembler;
  /** Frames (and the steps ordered with them) go out at most 4 a turn: see PacedSteps. */
  private readonly outbox: PacedSteps;
  private readonly ends = new Listeners<AudioSourceEnd>();
  private readonly subscriptions: Disposable[] = [];
  private startedAtMs = 0;
  private samplesSent = 0;
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    options: AudioInNodeOptions = {},
  ) {
    const kind = node.declareParameter(AudioInParameters.source, 'none', {
      description:
        'Where audio comes from: none (the simulator), file (a WAV file), alsa, or topic (a ROS audio topic).',
      choices: AUDIO_SOURCES,
      readOnly: true,
    }) as AudioSourceKind;
    const file = node.declareParameter(AudioInParameters.file, '', {
      description: 'The WAV file played when source is file.',
      readOnly: true,
    });
    const realtime = node.declareParameter(AudioInParameters.realtime, true, {
      description: 'Play a file at the pace of a microphone (false: as fast as it is taken).',
      readOnly: true,
    });
    const convert = node.declareParameter(AudioInParameters.convert, true, {
      description: 'Convert a WAV file that is not 16 kHz mono 16-bit (false: refuse it).',
      readOnly: true,
    });
    const device = node.declareParameter(AudioInParameters.device, 'default', {
      description: 'The ALSA capture device when source is alsa (see `arecord -L`).',
      readOnly: true,
    });
    const arecordPath = node.declareParameter(AudioInParameters.arecordPath, 'arecord', {
      description: 'The arecord executable (alsa-utils).',
      readOnly: true,
    });
    const topic = node.declareParameter(AudioInParameters.topic, Topics.audioRaw, {
      description:
        'The ROS audio topic (audio_common_msgs/msg/AudioDataStamped) heard when source is topic.',
      readOnly: true,
    });
    // The format parameters are checked by the source, not by range or choices: a wrong value
    // in a profile is reported with its fix and the graph runs on, deaf until it is fixed.
    const topicFormat: PcmFormatSetting = {
      sampleRate: node.declareParameter(AudioInParameters.topicSampleRate, HEARTH_SAMPLE_RATE, {
        description: "The topic audio's sample rate in Hz (audio_common AudioInfo sample_rate).",
        kind: 'integer',
      }),
      channels: node.declareParameter(AudioInParameters.topicChannels, 1, {
        description:
          "The topic audio's interleaved channels, averaged to mono (AudioInfo channels).",
        kind: 'integer',
      }),
      sampleFormat: node.declareParameter(AudioInParameters.topicSampleFormat, 'S16LE', {
        description: "The topic audio's samples: S16LE or F32LE (AudioInfo sample_format).",
      }),
    };
    const frameMs = node.declareParameter(AudioInParameters.frameMs, 30, {
      description: 'Milliseconds of audio per published frame.',
      kind: 'integer',
      range: { min: 10, max: 100 },
      readOnly: true,
    });
    this.vadKind = node.declareParameter(AudioInParameters.vad, 'silero', {
      description:
        'Voice activity detector on the frames: silero (ONNX model), energy (no model) or off.',
      choices: VAD_KINDS,
      readOnly: true,
    }) as VadKind;
    // A report, not a setting: the detector actually running, so a tool (the console) learns of a
    // Silero→energy fallback at once rather than with the first voice activity. ROS 2 read-only
    // parameters cannot change at all, so the node refuses every change but its own instead.
    node.declareParameter(AudioInParameters.vadDetector, this.vadKind === 'off' ? 'off' : '', {
      description:
        "The voice activity detector running (silero, energy; '' while it loads; off). Read-only: set `vad` to choose one.",
      kind: 'string',
    });
    this.segmentOptions = {
      threshold: node.declareParameter(AudioInParameters.vadThreshold, 0.5, {
        description: "Silero's speech probability threshold (the energy detector ignores it).",
        kind: 'double',
        range: { min: 0.05, max: 0.95 },
      }),
      minSpeechMs: node.declareParameter(AudioInParameters.vadMinSpeechMs, 90, {
        description: 'Speech must last this long to start a segment (clicks and coughs do not).',
        kind: 'integer',
        range: { min: 0, max: 2000 },
      }),
      hangoverMs: node.declareParameter(AudioInParameters.vadHangoverMs, 300, {
        description: 'Non-speech that ends a segment (the pauses between words do not).',
        kind: 'integer',
        range: { min: 30, max: 5000 },
      }),
    };
    this.honorMicGate = node.declareParameter(AudioInParameters.honorMicGate, true, {
      description:
        'While the MicGate is closed (gesture motion), publish silence and detect no voice.',
    });
    this.frameSamples = Math.round((frameMs * HEARTH_SAMPLE_RATE) / 1000);
    this.assembler = new FrameAssembler(this.frameSamples);
    this.outbox = new PacedSteps(FRAMES_PER_TURN, (error) =>
      node.logger.error('publishing audio failed', { error: String(error) }),
    );
    this.publisher = node.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
    this.activityPublisher = node.createPublisher(
      VoiceActivityType,
      Topics.voiceActivity,
      Qos.events,
    );
    node.createSubscription(MicGateType, Topics.micGate, (gate) => this.onMicGate(gate), Qos.state);
    this.subscriptions.push(
      node.addParameterValidator(refuseBadTopicFormat),
      node.addParameterValidator((changes) =>
        !this.reportingDetector &&
        changes.some((change) => change.name === AudioInParameters.vadDetector)
          ? {
              successful: false,
              reason: `parameter ${AudioInParameters.vadDetector} is read-only: it reports the detector running; set ${AudioInParameters.vad} in the parameters file to choose one`,
            }
          : undefined,
      ),
      node.onParametersChanged((changes) => {
        if (changes.some((change) => TOPIC_FORMAT_PARAMETERS.has(change.name))) {
          this.topicSource?.configure(topicFormatOf((name) => node.getParameter(name)));
        }
        const tuning: { -readonly [K in keyof VadSegmentOptions]: VadSegmentOptions[K] } = {};
        for (const change of changes) {
          if (change.name === AudioInParameters.honorMicGate) {
            this.setHonorMicGate(change.value === true);
          } else if (change.name === AudioInParameters.vadThreshold) {
            tuning.threshold = Number(change.value);
          } else if (change.name === AudioInParameters.vadMinSpeechMs) {
            tuning.minSpeechMs = Number(change.value);
          } else if (change.name === AudioInParameters.vadHangoverMs) {
            tuning.hangoverMs = Number(change.value);
          }
        }
        if (Object.keys(tuning).length === 0) return;
        // Kept for a detector not created yet, and passed to the running one.
        this.segmentOptions = { ...this.segmentOptions, ...tuning };
        this.tracker?.configure(tuning);
      }),
    );
    const onListenerError = (error: unknown): void =>
      node.logger.error('an audio listener threw', { error: String(error) });
    this.source =
      options.source ??
      (kind === 'file'
        ? new WavFileSource({
            path: file === '' ? file : resolve(options.baseDir ?? process.cwd(), file),
            chunkSamples: this.frameSamples,
            realtime,
            convert,
            onListenerError,
          })
        : kind === 'alsa'
          ? new ArecordSource({ device, binaryPath: arecordPath, onListenerError })
          : kind === 'topic'
            ? new RosTopicSource({ node, topic, format: topicFormat, onListenerError })
            : undefined);
    this.topicSource = this.source instanceof RosTopicSource ? this.source : undefined;
    if (this.source !== undefined) {
      this.subscriptions.push(
        this.source.onSamples((samples, restartAtMs) => this.receive(samples, restartAtMs)),
        this.source.onEnd((end) => this.end(end)),
      );
    }
    if (options.autoStart ?? true) {
      this.start().catch((error: unknown) =>
        node.logger.error('audio capture failed to start', { source: kind, error: String(error) }),
      );
    }
  }

  /** Starts capture (called by the constructor unless autoStart is false). */
  async start(): Promise<void> {
    if (this.source === undefined) {
      this.node.logger.info('audio_in has no source (source: none); publishing nothing');
      return;
    }
    // The detector starts loading with the capture; frames wait in the tracker's queue meanwhile.
    if (this.vadKind !== 'off' && this.tracker === undefined) {
      const vad = createVad(this.vadKind, this.segmentOptions, this.node.logger);
      void vad.then(
        (loaded) => this.reportDetector(loaded.name),
        () => undefined, // the tracker reports the failure
      );
      this.tracker = new VoiceActivityTracker({
        vad,
        publish: (activity) => {
          if (!this.disposed) this.activityPublisher.publish(activity);
        },
        onFailure: (error) =>
          this.node.logger.error('voice activity detection stopped', { error: String(error) }),
      });
    }
    this.startedAtMs = this.node.clock.nowMs();
    this.samplesSent = 0;
    await this.source.start();
    this.node.logger.info('audio capture started', {
      source: this.source.name,
      vad: this.vadKind,
    });
  }

  private reportDetector(name: string): void {
    this.detectorName = name;
    if (this.disposed) return;
    this.reportingDetector = true;
    try {
      this.node.setParameters({ [AudioInParameters.vadDetector]: name });
    } finally {
      this.reportingDetector = false;
    }
  }

  /** The voice activity detector running (silero, energy), or off; known once it has loaded. */
  get detector(): string {
    return this.detectorName;
  }

  /** Whether frames are published as heard (not silenced by a closed MicGate). */
  get hearing(): boolean {
    return this.micOpen || !this.honorMicGate;
  }

  /** Resolves once every frame published so far has been through the voice activity detector. */
  async voiceActivityIdle(): Promise<void> {
    await this.outbox.idle();
    await this.tracker?.idle();
  }

  /** Called when the source ends: a file played to its end, or capture failed. */
  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.outbox.clear();
    this.source?.dispose();
    this.tracker?.dispose();
    this.ends.clear();
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private receive(samples: Int16Array, restartAtMs?: number): void {
    if (restartAtMs !== undefined) this.restartStream(restartAtMs);
    for (const frame of this.assembler.push(samples)) this.send(frame);
  }

  /**
   * The source dates a new stream (a ROS topic's first message, or one after a pause): frames
   * are stamped from it. What was assembled of the old stream goes out first as a short frame,
   * and speech in progress ends there, since the audio between the two streams was not heard.
   */
  private restartStream(startMs: number): void {
    const rest = this.assembler.flush();
    if (rest !== undefined) this.send(rest);
    if (this.samplesSent > 0) {
      this.outbox.push(() => {
        if (this.hearing) this.tracker?.interrupt();
      });
    }
    this.startedAtMs = startMs;
    this.samplesSent = 0;
  }

  /**
   * A closed gate publishes silence rather than nothing: the stream stays continuous and
   * sample-exact, so every subscriber's count of samples still matches the stamps (a streaming
   * recognizer such as Azure's push stream dates results by samples received), and the wake
   * word's sliding window does not splice speech from before the gate onto speech after it.
   */
  private publish(samples: Int16Array, stampMs: number): void {
    if (this.disposed) return;
    const hearing = this.hearing;
    this.publisher.publish(
      AudioFrameType.create({
        stamp: timeFromMs(stampMs),
        sample_rate: HEARTH_SAMPLE_RATE,
        channels: 1,
        samples: hearing ? Array.from(samples) : new Array<number>(samples.length).fill(0),
      }),
    );
    if (hearing) this.tracker?.feed(samples, stampMs);
  }

  /** Dates a frame by the samples before it (now, in capture order) and queues it to go out. */
  private send(samples: Int16Array): void {
    const stampMs = this.startedAtMs + (this.samplesSent * 1000) / HEARTH_SAMPLE_RATE;
    this.samplesSent += samples.length;
    this.outbox.push(() => this.publish(samples, stampMs));
  }

  private onMicGate(gate: MicGate): void {
    const wasHearing = this.hearing;
    this.micOpen = gate.open;
    this.gateChanged(wasHearing);
  }

  private setHonorMicGate(honor: boolean): void {
    const wasHearing = this.hearing;
    this.honorMicGate = honor;
    this.gateChanged(wasHearing);
  }

  private gateChanged(wasHearing: boolean): void {
    if (wasHearing === this.hearing) return;
    // Speech in progress ends where it was last heard; the detector starts afresh on reopening.
    if (!this.hearing) this.tracker?.interrupt();
    this.node.logger.debug(this.hearing ? 'microphone open' : 'microphone gated');
  }

  private end(end: AudioSourceEnd): void {
    const rest = this.assembler.flush();
    if (rest !== undefined) this.send(rest);
    this.outbox.push(() => {
      // Nothing more will be heard: speech still open ends at its last sound.
      if (this.hearing) this.tracker?.interrupt();
      if (end.error !== undefined) {
        this.node.logger.error('audio capture stopped', { error: end.error.message });
      } else {
        this.node.logger.info('audio source ended');
      }
      // Listeners hear of the end once the detector has had every frame, so its last events are out.
      void (this.tracker?.idle() ?? Promise.resolve()).then(() => this.ends.emit(end));
    });
  }
}

/** Fewer than a best-effort subscriber's depth (5), so none is lost in a burst. */
const FRAMES_PER_TURN = 4;

const TOPIC_FORMAT_PARAMETERS: ReadonlySet<string> = new Set([
  AudioInParameters.topicSampleRate,
  AudioInParameters.topicChannels,
  AudioInParameters.topicSampleFormat,
]);

function topicFormatOf(read: (name: string) => ParameterValue): PcmFormatSetting {
  return {
    sampleRate: Number(read(AudioInParameters.topicSampleRate)),
    channels: Number(read(AudioInParameters.topicChannels)),
    sampleFormat: String(read(AudioInParameters.topicSampleFormat)),
  };
}

/**
 * `ros2 param set` of a topic format value that cannot be read is refused with the reason and
 * the fix. Each value is checked alone, so a profile with two bad values can be fixed one at a
 * time (a profile's bad value cannot be refused: the source reports it and hears nothing).
 */
function refuseBadTopicFormat(
  changes: readonly ParameterChange[],
): { successful: boolean; reason?: string } | void {
  try {
    for (const { name, value } of changes) {
      if (name === AudioInParameters.topicSampleRate) checkSampleRate(Number(value));
      if (name === AudioInParameters.topicChannels) checkChannels(Number(value));
      if (name === AudioInParameters.topicSampleFormat) checkSampleFormat(String(value));
    }
  } catch (error) {
    return { successful: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
