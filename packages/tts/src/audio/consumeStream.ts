import type { PcmAudio } from '@hearth/audio';
import type { AudioStream } from './AudioStream.js';

/** How reading a stream stopped. */
export type StreamOutcome = 'ended' | 'aborted';

/**
 * Hands each piece of `stream` to `onChunk` (awaited, in order) until the stream ends, or stops
 * at once when `signal` aborts, without waiting for the next piece. A failed stream rejects.
 */
export async function consumeStream(
  stream: AudioStream,
  signal: AbortSignal,
  onChunk: (chunk: PcmAudio) => void | Promise<void>,
): Promise<StreamOutcome> {
  if (signal.aborted) return 'aborted';
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted') return 'aborted';
      if (next.done) return 'ended';
      await onChunk(next.value);
      if (signal.aborted) return 'aborted';
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
