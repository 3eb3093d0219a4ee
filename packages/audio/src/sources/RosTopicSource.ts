import { Listeners, Qos, type Disposable, type GraphNode, type Subscription } from '@hearth/graph';
import { AudioDataStampedType, timeToMs, type AudioDataStamped } from '@hearth/interfaces';
import { AudioDataLengthError } from '../errors/AudioDataLengthError.js';
import { InvalidAudioFormatError } from '../errors/InvalidAudioFormatError.js';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import {
  CaptureTimeline,
  type CaptureTimelineOptions,
  type TimelineRestartReason,
} from '../topic/CaptureTimeline.js';
import { decodePcmBytes } from '../topic/decodePcmBytes.js';
import { OnceLog } from '../topic/OnceLog.js';
import {
  describePcmFormat,
  frameBytes,
  parsePcmFormat,
  type PcmFormat,
  type PcmFormatSetting,
} from '../topic/PcmFormat.js';
import { floatToInt16 } from '../wav/readWav.js';
import { StreamResampler } from '../wav/StreamResampler.js';
import type { AudioSource, AudioSourceEnd, SamplesListener } from './AudioSource.js';

export interface RosTopicSourceOptions {
  /** audio_in's node: the subscription is its, and problems go to its logger. */
  readonly node: GraphNode;
  /** The topic carrying AudioDataStamped messages. */
  readonly topic: string;
  /** The bytes' layout (audio_in's topic_* parameters). */
  readonly format: PcmFormatSetting;
  readonly timeline?: CaptureTimelineOptions;
  readonly onListenerError?: (error: unknown) => void;
}

const RESTART_NOTES: Record<Exclude<TimelineRestartReason, 'first'>, string> = {
  pause: 'audio on the topic paused (or many messages were lost); the stream starts again',
  backwards:
    'audio stamps ran back behind the samples received: the publisher restarted (a replayed ' +
    'bag), or topic_sample_rate is higher than the real rate; the stream starts again',
};

/**
 * Hears a ROS audio topic, as robots publish their microphones with audio_common: raw PCM bytes
 * (`AudioDataStamped`: on ROS 2 audio_common_msgs/msg/AudioDataStamped itself, `audio.data`
 * holding the bytes) in the format the parameters give (S16LE or F32LE, any channel count and
 * standard rate), subscribed best-effort. The bytes become Hearth's 16 kHz mono 16-bit samples
 * (channels averaged, the same band-limited filter as WAV files, streamed so message boundaries
 * leave no trace), dated by the messages' stamps or, when a message has none (zero), by its
 * arrival.
 *
 * A bad format parameter or a message that does not fit the format is logged once per cause,
 * with the fix, and never stops the node: audio_in hears nothing (or drops the odd bytes) until
 * the parameter is fixed, which `configure` does on a running robot.
 */
export class RosTopicSource implements AudioSource {
  readonly name = 'topic';
  readonly topic: string;
  private readonly node: GraphNode;
  private readonly samples: Listeners<Int16Array, number>;
  private readonly ends: Listeners<AudioSourceEnd>;
  private readonly problems: OnceLog;
  private readonly timeline: CaptureTimeline;
  private formatInUse: PcmFormat | undefined;
  private formatError: InvalidAudioFormatError | undefined;
  private resampler: StreamResampler | undefined;
  private subscription: Subscription | undefined;
  private running = false;

  constructor(options: RosTopicSourceOptions) {
    this.node = options.node;
    this.topic = options.topic;
    this.samples = new Listeners(options.onListenerError);
    this.ends = new Listeners(options.onListenerError);
    this.problems = new OnceLog(options.node.logger);
    this.timeline = new CaptureTimeline(options.timeline);
    this.configure(options.format);
  }

  /** The format in use; undefined while the parameters are invalid (see `formatProblem`). */
  get format(): PcmFormat | undefined {
    return this.formatInUse;
  }

  /** Why nothing is heard: the invalid parameter, or undefined. */
  get formatProblem(): InvalidAudioFormatError | undefined {
    return this.formatError;
  }

  /**
   * Takes a new format (parameters changed on a running robot). A stream in progress ends, and
   * every cause of trouble may be reported again. Returns the error for an invalid format,
   * which is also logged.
   */
  configure(setting: PcmFormatSetting): InvalidAudioFormatError | undefined {
    this.problems.clear();
    this.timeline.reset();
    try {
      const format = parsePcmFormat(setting);
      this.resampler = new StreamResampler(format.sampleRate, HEARTH_SAMPLE_RATE);
      this.formatInUse = format;
      this.formatError = undefined;
    } catch (error) {
      if (!(error instanceof InvalidAudioFormatError)) throw error;
      this.resampler = undefined;
      this.formatInUse = undefined;
      this.formatError = error;
      this.reportFormat();
    }
    return this.formatError;
  }

  start(): Promise<void> {
    // The subscription lives as long as the node (the graph API has no unsubscribe); a stopped
    // source ignores what arrives.
    this.subscription ??= this.node.createSubscription(
      AudioDataStampedType,
      this.topic,
      (message) => this.receive(message),
      Qos.sensorData,
    );
    this.running = true;
    this.timeline.reset();
    return Promise.resolve();
  }

  stop(): void {
    this.running = false;
  }

  onSamples(listener: SamplesListener): Disposable {
    return this.samples.add(listener);
  }

  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    this.stop();
    this.samples.clear();
    this.ends.clear();
  }

  /** How often a cause of trouble happened since the format was last set (tests, diagnostics). */
  occurrences(cause: 'format' | 'length' | 'fill' | 'pause' | 'backwards'): number {
    return this.problems.occurrences(cause);
  }

  private receive(message: AudioDataStamped): void {
    if (!this.running) return;
    const arrivalMs = this.node.clock.nowMs();
    const format = this.formatInUse;
    const resampler = this.resampler;
    if (format === undefined || resampler === undefined) {
      this.reportFormat();
      return;
    }
    const bytes = Uint8Array.from(message.audio.data);
    const stride = frameBytes(format);
    if (bytes.length % stride !== 0) {
      this.problems.report(
        'length',
        'error',
        new AudioDataLengthError(this.topic, bytes.length, stride, describePcmFormat(format))
          .message,
      );
    }
    const mono = decodePcmBytes(bytes, format);
    if (mono.length === 0) return;
    const durationMs = (mono.length * 1000) / format.sampleRate;
    const stampMs = timeToMs(message.header.stamp);
    const stamped = stampMs > 0;
    // Arrival is when the last sample was out, so the first was captured a message earlier.
    const placement = this.timeline.place(stamped ? stampMs : arrivalMs - durationMs, stamped);
    let restartAtMs: number | undefined;
    let input = mono;
    if (placement.kind === 'restart') {
      resampler.reset();
      restartAtMs = placement.startMs;
      if (placement.reason !== 'first') {
        this.problems.report(placement.reason, 'warn', RESTART_NOTES[placement.reason], {
          topic: this.topic,
        });
      }
    } else if (placement.kind === 'fill') {
      const gap = Math.round((placement.gapMs * format.sampleRate) / 1000);
      this.problems.report(
        'fill',
        'warn',
        'audio messages were lost (best-effort) or topic_sample_rate is lower than the real rate; ' +
          'the gap is filled with silence so the stream stays sample-exact',
        { topic: this.topic, gapMs: Math.round(placement.gapMs) },
      );
      this.timeline.advance((gap * 1000) / format.sampleRate);
      input = new Float32Array(gap + mono.length);
      input.set(mono, gap);
    }
    this.timeline.advance(durationMs);
    const out = floatToInt16(resampler.push(input));
    if (out.length === 0 && restartAtMs === undefined) return;
    this.samples.emit(out, restartAtMs);
  }

  private reportFormat(): void {
    if (this.formatError === undefined) return;
    this.problems.report('format', 'error', this.formatError.message, {
      parameter: this.formatError.parameter,
    });
  }
}
