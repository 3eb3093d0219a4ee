import type { Disposable } from '@hearth/graph';

/** Speech began or ended, at `timeMs` from the start of the stream the detector was fed. */
export interface VadEvent {
  readonly kind: 'start' | 'end';
  readonly timeMs: number;
  /** The speech probability of the frame that decided the event, 0 to 1. */
  readonly probability: number;
}

/** How speech is cut into segments; tunable on a running detector. */
export interface VadSegmentOptions {
  /** A frame is speech when its probability is at least this (Silero; energy frames are 0 or 1). */
  readonly threshold?: number;
  /** Speech must last this long before it starts. */
  readonly minSpeechMs?: number;
  /** Speech ends after this much non-speech. */
  readonly hangoverMs?: number;
}

/**
 * A voice activity detector over 16 kHz mono 16-bit audio: the energy baseline or Silero VAD.
 * Times count samples fed since construction (or `reset`), so they are exact to the frame.
 */
export interface Vad extends Disposable {
  /** energy or silero. */
  readonly name: string;
  /** Feeds samples in stream order (any chunk size); returns the events they complete. */
  process(samples: Int16Array): Promise<readonly VadEvent[]>;
  /** Ends the stream: speech still open ends at the last sample fed. */
  flush(): readonly VadEvent[];
  reset(): void;
  /** Retunes segmentation from the next frame on (a parameter changed on a running robot). */
  configure(options: VadSegmentOptions): void;
}

/** Feeds a whole clip and returns its speech segments (tests, enrollment trimming). */
export async function speechSegments(
  vad: Vad,
  samples: Int16Array,
): Promise<{ startMs: number; endMs: number }[]> {
  const events = [...(await vad.process(samples)), ...vad.flush()];
  const segments: { startMs: number; endMs: number }[] = [];
  let start: number | undefined;
  for (const event of events) {
    if (event.kind === 'start') start = event.timeMs;
    else if (start !== undefined) {
      segments.push({ startMs: start, endMs: event.timeMs });
      start = undefined;
    }
  }
  return segments;
}
