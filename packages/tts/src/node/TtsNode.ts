import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
import type { AudioSink, PlaybackResult } from '../audio/AudioSink.js';
import { AudioStream } from '../audio/AudioStream.js';
import { MarkFeed } from '../audio/MarkFeed.js';
import { concatPcm, encodeWav, truncateAudio, type PcmAudio } from '@hearth/audio';
import { AudioOutputs } from '../audio/AudioOutputs.js';
import type { Synthesis, TtsEngine } from '../engine/TtsEngine.js';
import { SynthesisCancelledError } from '../errors/SynthesisCancelledError.js';
import { declareTtsParameters, defaultAudioDir, type TtsSettings } from './parameters.js';
import { safeFileName } from './safeFileName.js';
import { SpeechQueue } from './SpeechQueue.js';
import { UtteranceEvents } from './UtteranceEvents.js';
import { AudioRetention, type AudioRetentionOptions } from '../retention/AudioRetention.js';

export interface TtsNodeOptions {
  /** Default of the `audio_dir` parameter (the parameters file may override it). */
  readonly audioDir?: string;
  /** Where speech is played, whatever `audio_output` says (tests). Default: by `audio_output`. */
  readonly sink?: AudioSink;
  /** aplay's path for `audio_output: alsa`; default `aplay` on PATH. */
  readonly aplayPath?: string;
  /** Clock and timer of the reply-audio retention (tests); wall clock and hourly by default. */
  readonly retention?: Pick<AudioRetentionOptions, 'now' | 'setInterval' | 'clearInterval'>;
}

/** A playback's outcome, caught so that a failure while synthesis goes on is never unhandled. */
interface Played {
  readonly result?: PlaybackResult;
  readonly error?: unknown;
}

function settled(playing: Promise<PlaybackResult>): Promise<Played> {
  return playing.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
}

/** `<audio_dir>/<utterance>.wav`, never the group's own file. */
function utterancePath(audioDir: string, utteranceId: string, groupId: string): string {
  let name = safeFileName(utteranceId, 'utterance');
  // The group's file is <group>.wav in the same folder; never overwrite it with one sentence.
  if (groupId && name === safeFileName(groupId, 'group')) name += '.sentence';
  return join(audioDir, `${name}.wav`);
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
  private readonly retention: AudioRetention;

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
    this.retention = new AudioRetention({
      ...options.retention,
      settings: () => {
        const { audioDir, audioRetentionDays } = this.settings();
        return { audioDir, retentionDays: audioRetentionDays };
      },
      logger: node.logger,
    });
  }

  get actionName(): string {
    return this.server.name;
  }

  /**
   * Removes the WAVs it wrote that are older than `audio_retention_days` (also done at start and
   * hourly); resolves with the paths removed.
   */
  purgeOldAudio(): Promise<string[]> {
    return this.retention.purge();
  }

  /** Stops whatever is being spoken and refuses to speak further. */
  dispose(): void {
    this.retention.dispose();
    this.disposal.abort();
    this.sink?.dispose();
    this.outputs.dispose();
    this.engine.dispose?.();
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
    const audioPath = utterancePath(settings.audioDir, utteranceId, goal.group_id);
    const sink = this.sink ?? this.outputs.sink(settings.audioOutput);
    const events = new UtteranceEvents(handle, utteranceId, audioPath, (fields) =>
      this.publish(fields),
    );
    // A streaming engine (Azure) hands audio over as it is synthesized: playback starts on the
    // first piece, while the rest is still coming. espeak-ng makes it in one piece: played after.
    const stream = new AudioStream();
    // Kept so that a cancelled stream still leaves what was heard in the reply's WAV files.
    const received: PcmAudio[] = [];
    const marks = new MarkFeed();
    let streamed: Promise<Played> | undefined;
    const playStream = (): Promise<Played> =>
      (streamed ??= settled(
        sink.playStream(
          { audio: stream, path: audioPath },
          { signal, marks, onStart: events.start, onMark: events.mark },
        ),
      ));
    let synthesis: Synthesis;
    try {
      synthesis = await this.engine.synthesize(goal.text, {
        voice: settings.voice,
        rate: settings.rate,
        pitch: settings.pitch,
        signal,
        onAudio: (chunk) => {
          if (chunk.samples.length > 0) received.push(chunk);
          stream.push(chunk);
          void playStream();
        },
        // Both lists grow in step, so a feed index is the event's index.
        onWord: (word) => {
          events.addWord(word);
          marks.add(word.offsetMs);
        },
        onViseme: (viseme) => {
          events.addViseme(viseme);
          marks.add(viseme.offsetMs);
        },
      });
    } catch (error) {
      stream.fail(error instanceof Error ? error : new Error(String(error)));
      const played = await streamed;
      if (played) events.end(played.result?.positionMs ?? 0);
      if (error instanceof SynthesisCancelledError) {
        const positionMs = played?.result?.positionMs ?? 0;
        const first = received[0];
        if (!played?.result || !first) {
          // Nothing was heard (cancelled before the first piece of audio): no files to keep.
          return SayAction.result.create({
            cancelled: true,
            words_spoken: events.wordsSpoken,
            duration_ms: Math.round(positionMs),
          });
        }
        // A barge-in on a streamed utterance keeps what was played, as espeak-ng's path does:
        // the utterance's file holds what was synthesized, the group's file what was heard.
        const audio = concatPcm(received, first.sampleRate);
        await this.writeUtterance(audioPath, audio);
        const groupAudioPath = await this.appendToGroup(
          settings.audioDir,
          goal.group_id,
          truncateAudio(audio, positionMs),
        );
        return SayAction.result.create({
          audio_path: audioPath,
          group_audio_path: groupAudioPath,
          cancelled: true,
          words_spoken: events.wordsSpoken,
          duration_ms: Math.round(positionMs),
        });
      }
      this.node.logger.error('speech synthesis failed', { utteranceId, error: String(error) });
      throw error;
    }
    stream.end();
    await this.writeUtterance(audioPath, synthesis.audio);
    let played: Played;
    if (streamed) played = await streamed;
    else {
      if (signal.aborted)
        return SayAction.result.create({ audio_path: audioPath, cancelled: true });
      const sorted = [
        ...synthesis.words.map((word) => ({
          offsetMs: word.offsetMs,
          add: () => events.addWord(word),
        })),
        ...synthesis.visemes.map((v) => ({ offsetMs: v.offsetMs, add: () => events.addViseme(v) })),
      ].sort((a, b) => a.offsetMs - b.offsetMs);
      for (const mark of sorted) mark.add();
      played = await settled(
        sink.play(
          { audio: synthesis.audio, path: audioPath, durationMs: synthesis.durationMs },
          {
            signal,
            onStart: events.start,
            marks: sorted.map((mark) => mark.offsetMs),
            onMark: events.mark,
          },
        ),
      );
    }
    if (!played.result) {
      // A device failure (aplay missing, no such device) fails this goal, loudly, and says so
      // on the events topic, so listeners such as the self-hearing gate do not wait forever.
      events.end(0);
      this.node.logger.error('speech playback failed', {
        utteranceId,
        error: String(played.error),
      });
      throw played.error;
    }
    const playback = played.result;
    events.end(playback.positionMs);
    const spoken = playback.completed
      ? synthesis.audio
      : truncateAudio(synthesis.audio, playback.positionMs);
    const groupAudioPath = await this.appendToGroup(settings.audioDir, goal.group_id, spoken);
    return SayAction.result.create({
      audio_path: audioPath,
      group_audio_path: groupAudioPath,
      duration_ms: Math.round(playback.completed ? synthesis.durationMs : playback.positionMs),
      words_spoken: events.wordsSpoken,
      cancelled: !playback.completed,
    });
  }

  private publish(fields: Partial<SpeechEvent>): void {
    this.events.publish(SpeechEventType.create({ ...fields, stamp: this.node.clock.now() }));
  }

  private async writeUtterance(path: string, audio: PcmAudio): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, encodeWav(audio));
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
