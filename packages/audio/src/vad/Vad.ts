import type { Disposable } from '@hearth/graph';

/** Speech began or ended, at `timeMs` from the start of the stream the detector was fed. */
export interface VadEvent {
  readonly kind: 'start' | 'end';
  readonly timeMs: number;
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
