import type { CancelledSpeech } from '../actors/sayActor.js';

/**
 * Knows when the robot has gone silent after a barge-in: the say actor hands it the promise of
 * each cancelled goal (settled once the tts has stopped and answered), and the node waits for all
 * of them before it publishes the interrupted turn with its barge-in-to-silence time. It also
 * keeps the group WAV each cancelled reply left, so the interrupted turn names its audio.
 */
export class SilenceTracker {
  private readonly pending = new Set<Promise<void>>();
  private readonly groupAudio = new Map<string, string>();

  /** Remembers a cancellation until it settles. */
  track(cancellation: Promise<CancelledSpeech | undefined>): void {
    const settled = cancellation.then(
      (speech) => {
        if (speech !== undefined && speech.groupId !== '' && speech.groupAudioPath !== '') {
          this.groupAudio.set(speech.groupId, speech.groupAudioPath);
        }
      },
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /** Resolves once every cancellation tracked so far has settled (at once when none is). */
  async whenSilent(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** The group WAV a cancelled reply left ('' when none), forgotten once taken. */
  takeGroupAudio(groupId: string): string {
    const path = this.groupAudio.get(groupId) ?? '';
    this.groupAudio.delete(groupId);
    return path;
  }
}
