import type { PcmAudio } from '@hearth/audio';
import type { PlayOptions, StreamedClip, StreamPlayOptions } from './AudioSink.js';
import { consumeStream, type StreamOutcome } from './consumeStream.js';

/**
 * "Plays" a whole clip at once, for the sinks without real-time pacing (`none`, `file`): start,
 * then every mark in order.
 */
export function fireAtOnce(options: PlayOptions): void {
  options.onStart?.();
  (options.marks ?? []).forEach((_, index) => options.onMark?.(index));
}

/**
 * Reads a streamed clip without real-time pacing: `onChunk` gets each piece in order; playback
 * "starts" once the first piece has been handled, and from then each mark fires as soon as it is
 * known (the marks known before the start fire with it).
 */
export async function consumeAtOnce(
  clip: StreamedClip,
  options: StreamPlayOptions,
  onChunk: (chunk: PcmAudio) => void | Promise<void> = () => undefined,
): Promise<StreamOutcome> {
  let started = false;
  const known: number[] = [];
  const unsubscribe = options.marks.subscribe((index) => {
    if (started) options.onMark?.(index);
    else known.push(index);
  });
  try {
    return await consumeStream(clip.audio, options.signal, async (chunk) => {
      await onChunk(chunk);
      if (started) return;
      started = true;
      options.onStart?.();
      for (const index of known.splice(0)) options.onMark?.(index);
    });
  } finally {
    unsubscribe();
  }
}
