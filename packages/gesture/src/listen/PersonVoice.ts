import { ROBOT_ECHO_TAIL_MS } from '@hearth/interfaces';

/** What a voice activity message means for active listening. */
export type VoiceCue =
  /** The person started speaking. */
  | { readonly kind: 'speaking' }
  /** The person stopped speaking at `endedAtMs` (clock ms): a pause has begun. */
  | { readonly kind: 'paused'; readonly endedAtMs: number }
  /** The robot's own voice (it was speaking when the segment began): not the person. */
  | { readonly kind: 'ignored' };

/**
 * Tells the person's voice from the robot's in audio_in's voice activity. The microphone hears
 * the robot too; a speech segment that began while the robot spoke, or within the echo tail
 * after, is taken for the robot's own voice and ignored, its start and its end alike (both carry
 * the segment's start), so the robot never nods at itself.
 */
export class PersonVoice {
  private robotSpeaking = false;
  private robotSpokeUntilMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly echoTailMs = ROBOT_ECHO_TAIL_MS) {}

  /** The robot's speech started or ended (tts events), at `atMs` clock ms. */
  robotSpeech(kind: 'start' | 'end', atMs: number): void {
    this.robotSpeaking = kind === 'start';
    if (kind === 'end') this.robotSpokeUntilMs = atMs;
  }

  /** A VoiceActivity message: `event` start or end, its stamp and its segment's start (ms). */
  hear(event: string, atMs: number, segmentStartMs: number): VoiceCue {
    const robots = this.robotSpeaking || segmentStartMs <= this.robotSpokeUntilMs + this.echoTailMs;
    if (robots) return { kind: 'ignored' };
    return event === 'start' ? { kind: 'speaking' } : { kind: 'paused', endedAtMs: atMs };
  }
}
