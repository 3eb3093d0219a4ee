import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import { AudioFrameType, Topics, type AudioFrame, type Time } from '@hearth/interfaces';
import { Listeners } from '../Listeners.js';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { ArecordSource } from '../sources/ArecordSource.js';
import type { AudioSource, AudioSourceEnd } from '../sources/AudioSource.js';
import { WavFileSource } from '../sources/WavFileSource.js';
import { FrameAssembler } from './FrameAssembler.js';
import { AUDIO_SOURCES, AudioInParameters, type AudioSourceKind } from './parameters.js';

export interface AudioInNodeOptions {
  /** Replaces the source the parameters describe (tests, a ROS audio topic bridge). */
  readonly source?: AudioSource;
  /** Start capturing at construction (default true). */
  readonly autoStart?: boolean;
}

function timeFromMs(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

/**
 * The audio_in node: publishes 16 kHz mono frames on /hearth/audio/in, best-effort (a late frame
 * is worth less than a fresh one). Each frame's stamp is the capture start plus the samples
 * before it, so stamps are exact to the sample whatever the delivery jitter.
 */
export class AudioInNode implements Disposable {
  readonly source: AudioSource | undefined;
  readonly frameSamples: number;
  private readonly publisher: Publisher<AudioFrame>;
  private readonly assembler: FrameAssembler;
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
      description: 'Where audio comes from: none (the simulator), file (a WAV file) or alsa.',
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
    const frameMs = node.declareParameter(AudioInParameters.frameMs, 30, {
      description: 'Milliseconds of audio per published frame.',
      kind: 'integer',
      range: { min: 10, max: 100 },
      readOnly: true,
    });
    this.frameSamples = Math.round((frameMs * HEARTH_SAMPLE_RATE) / 1000);
    this.assembler = new FrameAssembler(this.frameSamples);
    this.publisher = node.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
    const onListenerError = (error: unknown): void =>
      node.logger.error('an audio listener threw', { error: String(error) });
    this.source =
      options.source ??
      (kind === 'file'
        ? new WavFileSource({
            path: file,
            chunkSamples: this.frameSamples,
            realtime,
            convert,
            onListenerError,
          })
        : kind === 'alsa'
          ? new ArecordSource({ device, binaryPath: arecordPath, onListenerError })
          : undefined);
    if (this.source !== undefined) {
      this.subscriptions.push(
        this.source.onSamples((samples) => this.receive(samples)),
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
    this.startedAtMs = this.node.clock.nowMs();
    this.samplesSent = 0;
    await this.source.start();
    this.node.logger.info('audio capture started', { source: this.source.name });
  }

  /** Called when the source ends: a file played to its end, or capture failed. */
  onEnd(listener: (end: AudioSourceEnd) => void): Disposable {
    return this.ends.add(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.source?.dispose();
    this.ends.clear();
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private receive(samples: Int16Array): void {
    for (const frame of this.assembler.push(samples)) this.publish(frame);
  }

  private publish(samples: Int16Array): void {
    if (this.disposed) return;
    const stampMs = this.startedAtMs + (this.samplesSent * 1000) / HEARTH_SAMPLE_RATE;
    this.samplesSent += samples.length;
    this.publisher.publish(
      AudioFrameType.create({
        stamp: timeFromMs(stampMs),
        sample_rate: HEARTH_SAMPLE_RATE,
        channels: 1,
        samples: Array.from(samples),
      }),
    );
  }

  private end(end: AudioSourceEnd): void {
    const rest = this.assembler.flush();
    if (rest !== undefined) this.publish(rest);
    if (end.error !== undefined) {
      this.node.logger.error('audio capture stopped', { error: end.error.message });
    } else {
      this.node.logger.info('audio source ended');
    }
    this.ends.emit(end);
  }
}
