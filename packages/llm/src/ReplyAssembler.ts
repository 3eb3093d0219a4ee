import { SentenceSplitter, type SentenceSpan } from './SentenceSplitter.js';
import { resolveStrategy, type ReplyStrategy } from './strategies.js';
import { TagFilter, type TagFilterOutput } from './TagFilter.js';

/** A spoken sentence and the strategy of the message it belongs to. */
export interface AssembledSentence {
  readonly text: string;
  /** The tag in force where the sentence starts ('' for none or an unknown label). */
  readonly strategy: ReplyStrategy | '';
}

interface StrategyMark {
  readonly offset: number;
  readonly strategy: ReplyStrategy | '';
}

/**
 * Turns a reply's text chunks into spoken sentences. Every bracketed tag is removed wherever it
 * stands (a TagFilter); the sentences go through a SentenceSplitter. A tag names the strategy
 * of the text after it, up to the next tag, because fine-tuning data joins a supporter's
 * consecutive messages, each tagged: `[Normalize Experiences] Many feel this. [Suggest Options]
 * A walk may help.` Each sentence gets the strategy in force where it starts (or, before any
 * tag, the first tag inside it); the reply's strategy is the first recognized tag's.
 */
export class ReplyAssembler {
  private readonly splitter: SentenceSplitter;
  private readonly filter = new TagFilter();
  private readonly marks: StrategyMark[] = [];
  private readonly unknown: string[] = [];
  private spoken = '';
  private strategyValue: ReplyStrategy | '' = '';

  constructor(locale = 'en') {
    this.splitter = new SentenceSplitter(locale);
  }

  /** The reply's strategy: its first recognized tag's, '' until one is seen. */
  get strategy(): ReplyStrategy | '' {
    return this.strategyValue;
  }

  /** Labels of tags that named no known strategy (removed all the same), for logging. */
  get unknownLabels(): readonly string[] {
    return this.unknown;
  }

  /** All text so far with its tags removed, trimmed: the reply as it will be spoken. */
  get reply(): string {
    return this.spoken.trim();
  }

  /** Adds a chunk; returns the sentences it completed. */
  push(chunk: string): string[] {
    return this.pushSentences(chunk).map((s) => s.text);
  }

  /** Ends the reply; returns the last sentence, if any. */
  finish(): string[] {
    return this.finishSentences().map((s) => s.text);
  }

  /** Like push, with each sentence's strategy. */
  pushSentences(chunk: string): AssembledSentence[] {
    const spans = this.splitter.pushSpans(this.take(this.filter.push(chunk)));
    return spans.map((span) => this.withStrategy(span));
  }

  /** Like finish, with each sentence's strategy. */
  finishSentences(): AssembledSentence[] {
    const spans = [
      ...this.splitter.pushSpans(this.take(this.filter.flush())),
      ...this.splitter.flushSpans(),
    ];
    return spans.map((span) => this.withStrategy(span));
  }

  private take(output: TagFilterOutput): string {
    for (const tag of output.tags) {
      const strategy = resolveStrategy(tag.label) ?? '';
      if (strategy === '' && tag.label !== '') this.unknown.push(tag.label);
      if (this.strategyValue === '') this.strategyValue = strategy;
      this.marks.push({ offset: tag.offset, strategy });
    }
    this.spoken += output.text;
    return output.text;
  }

  private withStrategy(span: SentenceSpan): AssembledSentence {
    const inForce = this.marks.findLast((mark) => mark.offset <= span.start);
    const inside = this.marks.find(
      (mark) => mark.offset > span.start && mark.offset < span.start + span.text.length,
    );
    return { text: span.text, strategy: inForce?.strategy ?? inside?.strategy ?? '' };
  }
}
