import type { VadEvent, VadSegmentOptions } from './Vad.js';

export interface SpeechSegmenterOptions {
  /** A frame is speech when its probability is at least this. */
  readonly threshold: number;
  /** Speech must last this long before it starts (coughs, clicks and doors do not). */
  readonly minSpeechMs: number;
  /** Speech ends after this much non-speech (the pauses between words do not end it). */
  readonly hangoverMs: number;
}

/**
 * Turns per-frame speech probabilities into start and end events with hysteresis. Shared by the
 * energy and Silero detectors, so both report the same way and take the same parameters.
 */
export class SpeechSegmenter {
  private speaking = false;
  /** Start of the current run of speech frames (a candidate start). */
  private runStartMs: number | undefined;
  /** End of the last speech frame, where an end is dated. */
  private lastSpeechEndMs = 0;
  private streamMs = 0;
  private options: SpeechSegmenterOptions;
  /** The probability of the last frame pushed, reported with a flushed end. */
  private lastProbability = 0;

  constructor(options: SpeechSegmenterOptions) {
    this.options = { ...options };
  }

  /** Changes the options from the next frame on; a segment in progress keeps going. */
  configure(options: VadSegmentOptions): void {
    this.options = {
      threshold: options.threshold ?? this.options.threshold,
      minSpeechMs: options.minSpeechMs ?? this.options.minSpeechMs,
      hangoverMs: options.hangoverMs ?? this.options.hangoverMs,
    };
  }

  /** One frame of `frameMs` with its speech probability. */
  push(probability: number, frameMs: number): VadEvent[] {
    const startMs = this.streamMs;
    this.streamMs += frameMs;
    this.lastProbability = probability;
    const events: VadEvent[] = [];
    if (probability >= this.options.threshold) {
      this.runStartMs ??= startMs;
      this.lastSpeechEndMs = this.streamMs;
      if (!this.speaking && this.streamMs - this.runStartMs >= this.options.minSpeechMs) {
        this.speaking = true;
        events.push({ kind: 'start', timeMs: this.runStartMs, probability });
      }
    } else {
      if (!this.speaking) this.runStartMs = undefined;
      else if (this.streamMs - this.lastSpeechEndMs >= this.options.hangoverMs) {
        this.speaking = false;
        this.runStartMs = undefined;
        events.push({ kind: 'end', timeMs: this.lastSpeechEndMs, probability });
      }
    }
    return events;
  }

  flush(): VadEvent[] {
    if (!this.speaking) return [];
    this.speaking = false;
    this.runStartMs = undefined;
    return [{ kind: 'end', timeMs: this.lastSpeechEndMs, probability: this.lastProbability }];
  }

  reset(): void {
    this.speaking = false;
    this.runStartMs = undefined;
    this.lastSpeechEndMs = 0;
    this.streamMs = 0;
    this.lastProbability = 0;
  }
}
