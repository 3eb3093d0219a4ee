import type { ServerGoalHandle } from '@hearth/graph';
import { SayAction, type SayFeedback, type SayGoal, type SpeechEvent } from '@hearth/interfaces';
import type { VisemeTiming, WordTiming } from '../engine/TtsEngine.js';

/** A word or viseme event waiting for its moment in the audio. */
interface Mark {
  readonly kind: 'word' | 'viseme';
  readonly offsetMs: number;
  readonly text: string;
  readonly viseme: string;
}

/**
 * One utterance's events on the speech events topic and the say action's feedback: `start` when
 * the sink says the audio is heard, then each mark when the sink reaches it, then `end`. Marks
 * are kept by index in the order added, the index the sink calls back with.
 */
export class UtteranceEvents {
  private readonly marks: Mark[] = [];
  private startedPlaying = false;
  private words = 0;

  constructor(
    private readonly handle: ServerGoalHandle<SayGoal, SayFeedback>,
    private readonly utteranceId: string,
    private readonly audioPath: string,
    private readonly publish: (fields: Partial<SpeechEvent>) => void,
  ) {}

  /** Whether the audio was heard at all (an end is published only after a start). */
  get started(): boolean {
    return this.startedPlaying;
  }

  get wordsSpoken(): number {
    return this.words;
  }

  addWord(word: WordTiming): number {
    return (
      this.marks.push({ kind: 'word', offsetMs: word.offsetMs, text: word.text, viseme: '' }) - 1
    );
  }

  addViseme(viseme: VisemeTiming): number {
    return (
      this.marks.push({
        kind: 'viseme',
        offsetMs: viseme.offsetMs,
        text: '',
        viseme: viseme.viseme,
      }) - 1
    );
  }

  /** The offset of mark `index`. */
  offsetOf(index: number): number {
    return this.marks[index]?.offsetMs ?? 0;
  }

  /** Published when the sink says the audio is really heard, not when it was handed over. */
  readonly start = (): void => {
    if (this.startedPlaying) return;
    this.startedPlaying = true;
    const { goal } = this.handle;
    this.publish({
      utterance_id: this.utteranceId,
      kind: 'start',
      text: goal.text,
      audio_path: this.audioPath,
      // The reply's support strategy rides on start, for the gesture node to take.
      strategy: goal.strategy,
    });
    this.handle.publishFeedback(
      SayAction.feedback.create({ event: 'started', offset_ms: 0, text: goal.text }),
    );
  };

  readonly mark = (index: number): void => {
    const mark = this.marks[index];
    if (!mark) return;
    if (mark.kind === 'word') this.words++;
    const offsetMs = Math.round(mark.offsetMs);
    this.publish({
      utterance_id: this.utteranceId,
      kind: mark.kind,
      text: mark.text,
      viseme: mark.viseme,
      offset_ms: offsetMs,
      audio_path: this.audioPath,
    });
    if (mark.kind === 'word') {
      this.handle.publishFeedback(
        SayAction.feedback.create({ event: 'word', offset_ms: offsetMs, text: mark.text }),
      );
    }
  };

  /** Nothing was heard when a cancel came before the device started: no end without a start. */
  end(positionMs: number): void {
    if (!this.startedPlaying) return;
    this.publish({
      utterance_id: this.utteranceId,
      kind: 'end',
      text: this.handle.goal.text,
      offset_ms: Math.round(positionMs),
      audio_path: this.audioPath,
    });
  }
}
