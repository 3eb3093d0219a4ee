import { maxStrategyTagLength } from './strategies.js';

/** A bracketed tag found in the stream, and where it stood in the filtered text. */
export interface FoundTag {
  /** The label inside the brackets, trimmed. */
  readonly label: string;
  /** Characters of filtered text before the tag: the text after it starts here (or one later). */
  readonly offset: number;
}

export interface TagFilterOutput {
  /** Text that is safe to speak now, tags removed. */
  readonly text: string;
  /** The tags removed from this piece, in order. */
  readonly tags: readonly FoundTag[];
}

// After a removed tag, a space is put back before the next word, but not before punctuation.
const noSpaceBefore = /^[.,!?;:)\]…'"]/;

/**
 * Removes every bracketed tag (`[Suggest Options]`, at most maxStrategyTagLength characters, on
 * one line) from streamed text, wherever it stands: fine-tuning data joins a supporter's
 * consecutive messages, each opening with its own tag, so a model emits tags mid-reply and
 * sometimes mid-sentence. A `[` is held back until its `]` arrives or it can no longer be a tag
 * (too long, a line break, or the stream ends), so no part of a tag is ever spoken.
 */
export class TagFilter {
  private pending = '';
  private emittedLength = 0;
  private lastChar = '';
  /** A tag was just removed: drop the whitespace after it, put one space back before a word. */
  private afterTag = false;
  private spaceAfterTag = false;

  /** Characters of filtered text produced so far. */
  get emitted(): number {
    return this.emittedLength;
  }

  push(chunk: string): TagFilterOutput {
    const work = this.pending + chunk;
    this.pending = '';
    const tags: FoundTag[] = [];
    let text = '';
    let pos = 0;
    while (pos < work.length) {
      const open = work.indexOf('[', pos);
      if (open < 0) {
        text += this.out(work.slice(pos));
        break;
      }
      text += this.out(work.slice(pos, open));
      const close = this.closingBracket(work, open);
      if (close === 'maybe') {
        this.pending = work.slice(open);
        break;
      }
      if (close === 'no') {
        text += this.out('[');
        pos = open + 1;
        continue;
      }
      tags.push({ label: work.slice(open + 1, close).trim(), offset: this.emittedLength });
      this.afterTag = true;
      this.spaceAfterTag = this.emittedLength > 0 && !/\s/.test(this.lastChar);
      pos = close + 1;
    }
    return { text, tags };
  }

  /** Ends the stream: a `[` that never closed was ordinary text after all. */
  flush(): TagFilterOutput {
    const rest = this.pending;
    this.pending = '';
    return { text: this.out(rest), tags: [] };
  }

  /** The `]` closing the `[` at `open`, 'maybe' while it may still come, 'no' if it cannot. */
  private closingBracket(work: string, open: number): number | 'maybe' | 'no' {
    const limit = Math.min(work.length, open + 1 + maxStrategyTagLength + 1);
    for (let i = open + 1; i < limit; i += 1) {
      const char = work[i];
      if (char === ']') return i;
      if (char === '\n' || char === '[') return 'no';
    }
    return work.length - open - 1 <= maxStrategyTagLength ? 'maybe' : 'no';
  }

  private out(piece: string): string {
    let text = piece;
    if (this.afterTag) {
      text = text.trimStart();
      if (text === '') return '';
      if (this.spaceAfterTag && !noSpaceBefore.test(text)) text = ` ${text}`;
      this.afterTag = false;
    }
    if (text === '') return '';
    this.emittedLength += text.length;
    this.lastChar = text[text.length - 1] ?? '';
    return text;
  }
}
