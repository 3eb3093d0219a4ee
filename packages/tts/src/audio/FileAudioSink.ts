import { rm } from 'node:fs/promises';
import { appendWavFile } from './appendWavFile.js';
import type {
  AudioClip,
  AudioSink,
  PlaybackResult,
  PlayOptions,
  StreamedClip,
  StreamPlayOptions,
} from './AudioSink.js';
import { consumeAtOnce, fireAtOnce } from './unpacedPlayback.js';

export interface FileAudioSinkOptions {
  /** The WAV file everything is appended to; read per clip so a parameter change applies next. */
  readonly path: () => string;
}

/**
 * `audio_output: file`: the robot's loudspeaker as a recording. Every clip is appended to one WAV
 * file, in the order spoken, without real-time pacing (marks fire at once, like `none`). A test
 * or a replay can feed that file back to audio_in to hear what the robot said. The file is
 * started afresh the first time this sink writes to it, so one run never mixes with the last.
 */
export class FileAudioSink implements AudioSink {
  private readonly started = new Set<string>();

  constructor(private readonly options: FileAudioSinkOptions) {}

  async play(clip: AudioClip, options: PlayOptions): Promise<PlaybackResult> {
    if (options.signal.aborted) return { completed: false, positionMs: 0 };
    await appendWavFile(await this.prepare(this.options.path()), clip.audio);
    fireAtOnce(options);
    return { completed: true, positionMs: clip.durationMs };
  }

  /**
   * Appends each piece as it arrives (the file stays a valid WAV throughout); starts on the
   * first piece, marks fire as soon as they are known.
   */
  async playStream(clip: StreamedClip, options: StreamPlayOptions): Promise<PlaybackResult> {
    if (options.signal.aborted) return { completed: false, positionMs: 0 };
    const path = this.options.path();
    let writtenMs = 0;
    const outcome = await consumeAtOnce(clip, options, async (chunk) => {
      await appendWavFile(await this.prepare(path), chunk);
      writtenMs += (chunk.samples.length / chunk.sampleRate) * 1000;
    });
    return { completed: outcome === 'ended', positionMs: writtenMs };
  }

  /** `path`, removed first the first time this sink writes to it. */
  private async prepare(path: string): Promise<string> {
    if (!this.started.has(path)) {
      await rm(path, { force: true });
      this.started.add(path);
    }
    return path;
  }

  dispose(): void {
    // Each append opens and closes the file: nothing stays open.
  }
}
