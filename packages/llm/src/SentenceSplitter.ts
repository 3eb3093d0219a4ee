/**
 * Splits streamed text into sentences as they form, so speech can begin before generation ends.
 * A sentence is complete once the next one has begun (Intl.Segmenter then places a boundary
 * before it) or when the stream ends; waiting for the next sentence avoids cutting "Dr. Lee" or
 * "3.5" at a full stop that turns out not to end anything.
 */
export class SentenceSplitter {
  private readonly segmenter: Intl.Segmenter;
  private buffer = '';

  constructor(locale = 'en') {
    this.segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  }

  /** Adds text; returns the sentences it completed (trimmed, never empty). */
  push(text: string): string[] {
    this.buffer += text;
    const segments = Array.from(this.segmenter.segment(this.buffer), (s) => s.segment);
    if (segments.length < 2) return [];
    const last = segments[segments.length - 1] ?? '';
    // The last segment is still forming unless it is only whitespace after a finished one.
    if (last.trim() === '') {
      // "Hello. " — the boundary is known only once the next sentence starts; keep waiting.
      return [];
    }
    this.buffer = last;
    return segments
      .slice(0, -1)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }

  /** Ends the stream; returns the last sentence, if any. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    return rest.length > 0 ? [rest] : [];
  }

  /** Drops whatever was buffered (after a cancel, nothing more may be spoken). */
  reset(): void {
    this.buffer = '';
  }
}
