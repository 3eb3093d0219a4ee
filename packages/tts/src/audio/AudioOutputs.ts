import type { AudioOutputKind, TtsSettings } from '../node/parameters.js';
import { AplayAudioSink } from './AplayAudioSink.js';
import type { AudioSink } from './AudioSink.js';
import { FileAudioSink } from './FileAudioSink.js';
import { NoDeviceAudioSink } from './NoDeviceAudioSink.js';
import { SimulatedAudioSink } from './SimulatedAudioSink.js';

export interface AudioOutputsOptions {
  /** The tts node's current parameters (read when a sink needs them). */
  readonly settings: () => TtsSettings;
  /** aplay's path for `alsa`; default `aplay` on PATH. */
  readonly aplayPath?: string;
}

/**
 * The sinks behind the `audio_output` parameter, each made the first time it is chosen and kept,
 * so `ros2 param set tts audio_output ...` switches the next utterance without a restart.
 */
export class AudioOutputs {
  private readonly sinks = new Map<AudioOutputKind, AudioSink>();

  constructor(private readonly options: AudioOutputsOptions) {}

  sink(kind: AudioOutputKind): AudioSink {
    let sink = this.sinks.get(kind);
    if (!sink) {
      sink = this.create(kind);
      this.sinks.set(kind, sink);
    }
    return sink;
  }

  dispose(): void {
    for (const sink of this.sinks.values()) sink.dispose();
  }

  private create(kind: AudioOutputKind): AudioSink {
    const { settings } = this.options;
    switch (kind) {
      case 'alsa':
        return new AplayAudioSink({
          ...(this.options.aplayPath === undefined ? {} : { binaryPath: this.options.aplayPath }),
          device: () => settings().audioDevice,
        });
      case 'file':
        return new FileAudioSink({ path: () => settings().audioOutputFile });
      case 'none':
        return new NoDeviceAudioSink();
      case 'simulated':
        return new SimulatedAudioSink({ speed: () => settings().playbackSpeed });
    }
  }
}
