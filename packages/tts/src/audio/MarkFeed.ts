/** Called with each mark's index (in the order added) and its offset into the audio, in ms. */
export type MarkListener = (index: number, offsetMs: number) => void;

/**
 * Word and viseme offsets that become known while the audio is still being synthesized (Azure
 * sends a stretch's boundaries just before its audio). A streaming sink subscribes and times
 * each mark from the moment playback really started; indices count in the order marks were
 * added, which need not be the order of their offsets.
 */
export class MarkFeed {
  private readonly offsets: number[] = [];
  private readonly listeners = new Set<MarkListener>();

  /** Marks so far. */
  get length(): number {
    return this.offsets.length;
  }

  /** Adds a mark; returns its index. */
  add(offsetMs: number): number {
    const index = this.offsets.push(offsetMs) - 1;
    for (const listener of [...this.listeners]) listener(index, offsetMs);
    return index;
  }

  /** Calls `listener` for every mark so far, then for each one added; returns the unsubscribe. */
  subscribe(listener: MarkListener): () => void {
    this.offsets.forEach((offsetMs, index) => listener(index, offsetMs));
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
