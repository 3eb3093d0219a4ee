/** Clause boundaries where an over-long sentence may be cut for speech. */
const CLAUSE_BREAK = /[,;:\u2013\u2014](?=\s)|\s[-\u2013\u2014]\s/g;

/**
 * Splits streamed text into sentences as they form, so speech can begin before generation ends.
 * A sentence is complete once the next one has begun (Intl.Segmenter then places a boundary
 * before it) or when the stream ends; waiting for the next sentence avoids cutting "Dr. Lee" or
 * "3.5" at a full stop that turns out not to end anything.
 *
 * A sentence that grows past `maxChunkChars` without ending is cut at its last clause boundary
 * (a comma, semicolon, colon or dash), else at a word boundary: a long run-on sentence would
 * otherwise keep the robot silent until the model finished it, and speech pauses naturally there.
 */
export class SentenceSplitter {
  private readonly segmenter: Intl.Segmenter;
  private buffer = '';

  constructor(
    locale = 'en',
    private readonly maxChunkChars = 160,
  ) {
    this.segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  }

  /** Adds text; returns the sentences it completed (trimmed, never empty). */
  push(text: string): string[] {
    this.buffer += text;
    const segments = Array.from(this.segmenter.segment(this.buffer), (s) => s.segment);
    if (segments.length < 2) return this.cutOverlong();
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

  /** Emits the head of a forming sentence that has grown past maxChunkChars. */
  private cutOverlong(): string[] {
    if (this.buffer.length <= this.maxChunkChars) return [];
    const window = this.buffer.slice(0, this.maxChunkChars);
    let cut = -1;
    for (const match of window.matchAll(CLAUSE_BREAK))
      cut = match.index + match[0].trimEnd().length;
    // A clause break too near the start would make a fragment; prefer the last word boundary then.
    if (cut < this.maxChunkChars / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) return [];
    const head = this.buffer.slice(0, cut).trim();
    this.buffer = this.buffer.slice(cut).trimStart();
    return head.length > 0 ? [head] : [];
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
