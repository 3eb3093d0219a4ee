import type { Logger } from '@hearth/graph';
import type { CancelledSpeech } from '../actors/sayActor.js';
import { settleWithin } from '../settleWithin.js';

export interface SilenceTrackerOptions {
  /** Where a wait given up on is reported. */
  readonly logger?: Pick<Logger, 'warn'>;
  /** How long `whenSilent()` waits for cancellations before going on without them (ms), read at each wait. */
  readonly timeoutMs?: () => number;
}

/** How long `whenSilent()` waits when no option says otherwise. */
export const DEFAULT_SILENCE_TIMEOUT_MS = 5000;

/**
 * Knows when the robot has gone silent after a barge-in: the say actor hands it the promise of
 * each cancelled goal (settled once the tts has stopped and answered), and the node waits for all
 * of them before it publishes the interrupted turn with its barge-in-to-silence time. It also
 * keeps what each cancelled utterance left: the WAV (so the interrupted turn names its audio) and
 * how many of its words were spoken (so the next Generate goal says what the person heard).
 * Its wait is bounded: a cancellation that never settles is given up on (and logged) after
 * `timeoutMs`, so neither the interrupted turn's record nor the next turn waits forever.
 */
export class SilenceTracker {
  /** Entries nobody took (a cut reply followed by no next turn) are dropped beyond this many. */
  private static readonly KEEP = 32;

  private readonly pending = new Set<Promise<void>>();
  /** By group id (a reply's WAV) and by utterance id (robot-initiated speech has no group). */
  private readonly audio = new Map<string, string>();
  private readonly wordsSpoken = new Map<string, number>();

  constructor(private readonly options: SilenceTrackerOptions = {}) {}

  /** Remembers a cancellation until it settles. */
  track(cancellation: Promise<CancelledSpeech | undefined>): void {
    const settled = cancellation.then(
      (speech) => {
        if (speech === undefined) return;
        if (speech.groupId !== '' && speech.groupAudioPath !== '') {
          this.audio.set(speech.groupId, speech.groupAudioPath);
        } else if (speech.groupId === '' && speech.audioPath !== '') {
          this.audio.set(speech.utteranceId, speech.audioPath);
        }
        this.wordsSpoken.set(speech.utteranceId, speech.wordsSpoken);
        SilenceTracker.trim(this.audio);
        SilenceTracker.trim(this.wordsSpoken);
      },
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  private static trim(map: Map<string, unknown>): void {
    for (const key of map.keys()) {
      if (map.size <= SilenceTracker.KEEP) return;
      map.delete(key);
    }
  }

  /**
   * Resolves once every cancellation tracked so far has settled (at once when none is), or once
   * `timeoutMs` has passed: the ones still open are then dropped and logged.
   */
  async whenSilent(): Promise<void> {
    if (this.pending.size === 0) return;
    const timeoutMs = this.options.timeoutMs?.() ?? DEFAULT_SILENCE_TIMEOUT_MS;
    const silent = (async () => {
      while (this.pending.size > 0) await Promise.all([...this.pending]);
      return true;
    })();
    const settled = await settleWithin(silent, timeoutMs, () => false);
    if (settled) return;
    this.options.logger?.warn('gave up waiting for the robot to fall silent after a cancel', {
      cancellations: this.pending.size,
      timeoutMs,
    });
    // A cancellation that never settles must not hold every later wait too.
    this.pending.clear();
  }

  /** The WAV a cancelled reply (by group id) or utterance (by its id) left ('' when none), forgotten once taken. */
  takeAudio(speechId: string): string {
    const path = this.audio.get(speechId) ?? '';
    this.audio.delete(speechId);
    return path;
  }

  /**
   * How many words of a cancelled utterance were spoken, once the robot is silent (0 when the
   * tts never took it), forgotten once taken.
   */
  async takeWordsSpoken(utteranceId: string): Promise<number> {
    await this.whenSilent();
    const words = this.wordsSpoken.get(utteranceId) ?? 0;
    this.wordsSpoken.delete(utteranceId);
    return words;
  }
}
