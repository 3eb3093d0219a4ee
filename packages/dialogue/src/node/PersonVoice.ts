import type { TimerHandle, Timers } from '@hearth/graph';
import { ROBOT_ECHO_TAIL_MS } from '@hearth/interfaces';
import type { DialogueEvent } from '../machine/events.js';

/** How long a segment of voice must last before it counts (read at each segment's start). */
export interface PersonVoiceSettings {
  /** A segment shorter than this is a backchannel ("mm-hm") or a noise: it never barges in. */
  readonly minSpeechMs: number;
  /**
   * A segment that began while the robot spoke (or within the echo tail after) is taken for the
   * robot's own voice unless it lasts this long.
   */
  readonly echoMarginMs: number;
}

interface Segment {
  readonly startMs: number;
  /** It began while the robot spoke or within the echo tail: the robot's voice until it lasts. */
  readonly echo: boolean;
  /** Taken for the person's voice (at once, or once it outlasted the echo margin). */
  person: boolean;
  timer: TimerHandle | undefined;
}

/**
 * Turns audio_in's voice activity into the dialogue machine's voice events, leaving out the
 * robot's own voice: a segment that starts while the tts speaks (or within the echo tail after)
 * counts only once it has lasted `echoMarginMs`; any other counts at once (`voice.started`,
 * `voice.ended` with the segment's stamps, which date the end of speech), and `voice.sustained`
 * follows once it has lasted `minSpeechMs` — shorter segments are backchannels and never barge in.
 */
export class PersonVoice {
  private robotSpeaking = false;
  private robotSpokeUntilMs = Number.NEGATIVE_INFINITY;
  private segment: Segment | null = null;
  private disposed = false;

  constructor(
    private readonly send: (event: DialogueEvent) => void,
    private readonly settings: () => PersonVoiceSettings,
    private readonly timers: Timers,
    private readonly echoTailMs = ROBOT_ECHO_TAIL_MS,
  ) {}

  /** The robot's speech started or ended (tts events), at `atMs` clock ms. */
  robotSpeech(kind: 'start' | 'end', atMs: number): void {
    this.robotSpeaking = kind === 'start';
    if (kind === 'end') this.robotSpokeUntilMs = atMs;
  }

  /** A VoiceActivity message: `event` start or end, its stamp and its segment's start (clock ms). */
  hear(event: string, atMs: number, segmentStartMs: number): void {
    if (this.disposed) return;
    if (event === 'start') this.started(segmentStartMs);
    else if (event === 'end') this.ended(atMs, segmentStartMs);
  }

  dispose(): void {
    this.disposed = true;
    this.closeSegment();
  }

  private isEcho(segmentStartMs: number): boolean {
    return this.robotSpeaking || segmentStartMs <= this.robotSpokeUntilMs + this.echoTailMs;
  }

  private started(startMs: number): void {
    this.closeSegment();
    const echo = this.isEcho(startMs);
    const segment: Segment = { startMs, echo, person: !echo, timer: undefined };
    this.segment = segment;
    if (segment.person) this.send({ type: 'voice.started', at: startMs });
    const { minSpeechMs, echoMarginMs } = this.settings();
    const lastMs = echo ? Math.max(minSpeechMs, echoMarginMs) : minSpeechMs;
    // The start message comes after the detector's onset frames: count from the segment's start.
    const waitMs = Math.max(0, startMs + lastMs - this.timers.nowMs());
    segment.timer = this.timers.setTimeout(() => this.sustained(segment), waitMs);
  }

  private sustained(segment: Segment): void {
    if (this.disposed || this.segment !== segment) return;
    segment.timer = undefined;
    if (!segment.person) {
      segment.person = true;
      this.send({ type: 'voice.started', at: segment.startMs });
    }
    this.send({ type: 'voice.sustained' });
  }

  private ended(atMs: number, segmentStartMs: number): void {
    const segment = this.segment;
    this.closeSegment();
    // An end without its start (the node began mid-segment) is judged by when it began.
    const person = segment === null ? !this.isEcho(segmentStartMs) : segment.person;
    if (person) this.send({ type: 'voice.ended', at: atMs });
  }

  private closeSegment(): void {
    if (this.segment?.timer !== undefined) this.timers.clearTimeout(this.segment.timer);
    this.segment = null;
  }
}
