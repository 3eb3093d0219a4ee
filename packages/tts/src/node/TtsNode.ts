import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionServer, GraphNode, Publisher, ServerGoalHandle } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import {
  Actions,
  SayAction,
  SpeechEventType,
  Topics,
  type SayFeedback,
  type SayGoal,
  type SayResult,
  type SpeechEvent,
} from '@hearth/interfaces';
import { appendWavFile } from '../audio/appendWavFile.js';
import type { AudioSink } from '../audio/AudioSink.js';
import { truncateAudio } from '@hearth/audio';
import { AudioOutputs } from '../audio/AudioOutputs.js';
import { encodeWav } from '@hearth/audio';
import type { Synthesis, TtsEngine } from '../engine/TtsEngine.js';
import { SynthesisCancelledError } from '../errors/SynthesisCancelledError.js';
import { declareTtsParameters, defaultAudioDir, type TtsSettings } from './parameters.js';
import { safeFileName } from './safeFileName.js';
import { SpeechQueue } from './SpeechQueue.js';

export interface TtsNodeOptions {
  /** Default of the `audio_dir` parameter (the parameters file may override it). */
  readonly audioDir?: string;
  /** Where speech is played, whatever `audio_output` says (tests). Default: by `audio_output`. */
  readonly sink?: AudioSink;
  /** aplay's path for `audio_output: alsa`; default `aplay` on PATH. */
  readonly aplayPath?: string;
}

/** Group files started by this node, remembered so a reused group id starts a fresh file. */
const MAX_REMEMBERED_GROUPS = 1000;

/**
 * The tts node: serves the say action. Goals are spoken one at a time in arrival order; each is
 * synthesized to a WAV file, announced on the speech events topic (start, word, viseme, end) and
 * "played" through the sink, which paces the word events. A cancel (barge-in) kills synthesis or
 * stops playback at once and reports how many words were spoken.
 */
export class TtsNode {
  private readonly events: Publisher<SpeechEvent>;
  private readonly server: ActionServer;
  private readonly settings: () => TtsSettings;
  private readonly sink: AudioSink | undefined;
  private readonly outputs: AudioOutputs;
  private readonly queue = new SpeechQueue();
  private readonly disposal = new AbortController();
  private readonly startedGroups = new Set<string>();

  constructor(
    private readonly node: GraphNode,
    private readonly engine: TtsEngine,
    options: TtsNodeOptions = {},
  ) {
    this.settings = declareTtsParameters(node, options.audioDir ?? defaultAudioDir());
    this.sink = options.sink;
    this.outputs = new AudioOutputs({
      settings: this.settings,
      ...(options.aplayPath === undefined ? {} : { aplayPath: options.aplayPath }),
    });
    this.events = node.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    this.server = node.createActionServer(SayAction, Actions.say, (handle) => this.execute(handle));
  }

  get actionName(): string {
    return this.server.name;
  }

  /** Stops whatever is being spoken and refuses to speak further. */
  dispose(): void {
    this.disposal.abort();
    this.sink?.dispose();
    this.outputs.dispose();
  }

  private async execute(handle: ServerGoalHandle<SayGoal, SayFeedback>): Promise<SayResult> {
    const signal = AbortSignal.any([handle.signal, this.disposal.signal]);
    const release = await this.queue.acquire(signal);
    if (!release) return SayAction.result.create({ cancelled: true });
    try {
      return await this.speak(handle, signal);
    } finally {
      release();
    }
  }

  private async speak(
    handle: ServerGoalHandle<SayGoal, SayFeedback>,
    signal: AbortSignal,
  ): Promise<SayResult> {
    const { goal } = handle;
    const settings = this.settings();
    const utteranceId = goal.utterance_id || handle.goalId;
    let synthesis: Synthesis;
    try {
      synthesis = await this.engine.synthesize(goal.text, {
        voice: settings.voice,
        rate: settings.rate,
        pitch: settings.pitch,
        signal,
      });
    } catch (error) {
      if (error instanceof SynthesisCancelledError)
        return SayAction.result.create({ cancelled: true });
      this.node.logger.error('speech synthesis failed', { utteranceId, error: String(error) });
      throw error;
    }
    const audioPath = await this.writeUtterance(
      settings.audioDir,
      utteranceId,
      goal.group_id,
      synthesis,
    );
    if (signal.aborted) return SayAction.result.create({ audio_path: audioPath, cancelled: true });

    const marks = [
      ...synthesis.words.map((word) => ({
        kind: 'word',
        offsetMs: word.offsetMs,
        text: word.text,
        viseme: '',
      })),
      ...synthesis.visemes.map((v) => ({
        kind: 'viseme',
        offsetMs: v.offsetMs,
        text: '',
        viseme: v.viseme,
      })),
    ].sort((a, b) => a.offsetMs - b.offsetMs);
    let wordsSpoken = 0;
    let started = false;
    const sink = this.sink ?? this.outputs.sink(settings.audioOutput);
    const publishEnd = (positionMs: number): void => {
      // Nothing was heard when a cancel came before the device started: no end without a start.
      if (!started) return;
      this.publish({
        utterance_id: utteranceId,
        kind: 'end',
        text: goal.text,
        offset_ms: Math.round(positionMs),
        audio_path: audioPath,
      });
    };
    const playback = await sink
      .play(
        { audio: synthesis.audio, path: audioPath, durationMs: synthesis.durationMs },
        {
          signal,
          // Published when the sink says the audio is really heard (aplay consuming it), not when
          // it was handed over, so its stamp is the moment the robot's voice begins.
          onStart: () => {
            started = true;
            this.publish({
              utterance_id: utteranceId,
              kind: 'start',
              text: goal.text,
              audio_path: audioPath,
            });
            handle.publishFeedback(
              SayAction.feedback.create({ event: 'started', offset_ms: 0, text: goal.text }),
            );
          },
          marks: marks.map((mark) => mark.offsetMs),
          onMark: (index) => {
            const mark = marks[index];
            if (!mark) return;
            if (mark.kind === 'word') wordsSpoken++;
            const offsetMs = Math.round(mark.offsetMs);
            this.publish({
              utterance_id: utteranceId,
              kind: mark.kind,
              text: mark.text,
              viseme: mark.viseme,
              offset_ms: offsetMs,
              audio_path: audioPath,
            });
            if (mark.kind === 'word') {
              handle.publishFeedback(
                SayAction.feedback.create({ event: 'word', offset_ms: offsetMs, text: mark.text }),
              );
            }
          },
        },
      )
      .catch((error: unknown) => {
        // A device failure (aplay missing, no such device) fails this goal, loudly, and says so
        // on the events topic, so listeners such as the self-hearing gate do not wait forever.
        publishEnd(0);
        this.node.logger.error('speech playback failed', { utteranceId, error: String(error) });
        throw error;
      });
    publishEnd(playback.positionMs);
    const spoken = playback.completed
      ? synthesis.audio
      : truncateAudio(synthesis.audio, playback.positionMs);
    const groupAudioPath = await this.appendToGroup(settings.audioDir, goal.group_id, spoken);
    return SayAction.result.create({
      audio_path: audioPath,
      group_audio_path: groupAudioPath,
      duration_ms: Math.round(playback.completed ? synthesis.durationMs : playback.positionMs),
      words_spoken: wordsSpoken,
      cancelled: !playback.completed,
    });
  }

  private publish(fields: Partial<SpeechEvent>): void {
    this.events.publish(SpeechEventType.create({ ...fields, stamp: this.node.clock.now() }));
  }

  private async writeUtterance(
    audioDir: string,
    utteranceId: string,
    groupId: string,
    synthesis: Synthesis,
  ): Promise<string> {
    await mkdir(audioDir, { recursive: true });
    let name = safeFileName(utteranceId, 'utterance');
    // The group's file is <group>.wav in the same folder; never overwrite it with one sentence.
    if (groupId && name === safeFileName(groupId, 'group')) name += '.sentence';
    const path = join(audioDir, `${name}.wav`);
    await writeFile(path, encodeWav(synthesis.audio));
    return path;
  }

  /** Appends what was spoken to the group's WAV; returns its path, or '' without a group. */
  private async appendToGroup(
    audioDir: string,
    groupId: string,
    audio: Synthesis['audio'],
  ): Promise<string> {
    if (!groupId) return '';
    const path = join(audioDir, `${safeFileName(groupId, 'group')}.wav`);
    if (!this.startedGroups.has(path)) {
      // A group id seen first now starts a new file, even if an earlier run left one behind.
      await rm(path, { force: true });
      this.startedGroups.add(path);
      if (this.startedGroups.size > MAX_REMEMBERED_GROUPS) {
        const oldest = this.startedGroups.values().next().value;
        if (oldest !== undefined) this.startedGroups.delete(oldest);
      }
    }
    await appendWavFile(path, audio);
    return path;
  }
}
