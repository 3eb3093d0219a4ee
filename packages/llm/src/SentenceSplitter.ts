/** A sentence and where it starts in all the text pushed so far (after its leading whitespace). */
export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
}

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
  /** Characters pushed before the buffer's first one. */
  private base = 0;

  constructor(
    locale = 'en',
    private readonly maxChunkChars = 160,
  ) {
    this.segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  }

  /** Adds text; returns the sentences it completed (trimmed, never empty). */
  push(text: string): string[] {
    return this.pushSpans(text).map((span) => span.text);
  }

  /** Like push, with each sentence's position, so a caller can tell which tag it followed. */
  pushSpans(text: string): SentenceSpan[] {
    this.buffer += text;
    const segments = Array.from(this.segmenter.segment(this.buffer), (s) => s.segment);
    if (segments.length < 2) return this.cutOverlong();
    const last = segments[segments.length - 1] ?? '';
    // The last segment is still forming unless it is only whitespace after a finished one.
    if (last.trim() === '') {
      // "Hello. " — the boundary is known only once the next sentence starts; keep waiting.
      return [];
    }
    const spans: SentenceSpan[] = [];
    let at = this.base;
    for (const segment of segments.slice(0, -1)) {
      const sentence = segment.trim();
      if (sentence.length > 0) spans.push({ text: sentence, start: at + leadingSpace(segment) });
      at += segment.length;
    }
    this.base = at;
    this.buffer = last;
    return spans;
  }

  /** Emits the head of a forming sentence that has grown past maxChunkChars. */
  private cutOverlong(): SentenceSpan[] {
    if (this.buffer.length <= this.maxChunkChars) return [];
    const window = this.buffer.slice(0, this.maxChunkChars);
    let cut = -1;
    for (const match of window.matchAll(CLAUSE_BREAK))
      cut = match.index + match[0].trimEnd().length;
    // A clause break too near the start would make a fragment; prefer the last word boundary then.
    if (cut < this.maxChunkChars / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) return [];
    const head = this.buffer.slice(0, cut);
    const start = this.base + leadingSpace(head);
    const tail = this.buffer.slice(cut);
    this.buffer = tail.trimStart();
    this.base += cut + (tail.length - this.buffer.length);
    return head.trim().length > 0 ? [{ text: head.trim(), start }] : [];
  }

  /** Ends the stream; returns the last sentence, if any. */
  flush(): string[] {
    return this.flushSpans().map((span) => span.text);
  }

  /** Like flush, with the sentence's position. */
  flushSpans(): SentenceSpan[] {
    const rest = this.buffer;
    const start = this.base + leadingSpace(rest);
    this.base += rest.length;
    this.buffer = '';
    return rest.trim().length > 0 ? [{ text: rest.trim(), start }] : [];
  }

  /** Drops whatever was buffered (after a cancel, nothing more may be spoken). */
  reset(): void {
    this.base += this.buffer.length;
    this.buffer = '';
  }
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
