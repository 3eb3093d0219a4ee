import { SentenceSplitter } from './SentenceSplitter.js';
import { maxStrategyTagLength, stripStrategyTag, type EsconvStrategy } from './strategies.js';

/**
 * Turns a reply's text chunks into spoken sentences. Holds text back until it knows whether the
 * reply opens with a strategy tag (a `[` may begin one), strips the tag, then streams the rest
 * through a SentenceSplitter.
 */
export class ReplyAssembler {
  private readonly splitter: SentenceSplitter;
  private pending = '';
  private tagResolved = false;
  private spoken = '';
  private strategyValue: EsconvStrategy | '' = '';
  private labelValue = '';

  constructor(locale = 'en') {
    this.splitter = new SentenceSplitter(locale);
  }

  /** The strategy from the reply's tag, '' until known or when there is none. */
  get strategy(): EsconvStrategy | '' {
    return this.strategyValue;
  }

  /** The tag's raw label ('' when none), for logging unknown labels. */
  get label(): string {
    return this.labelValue;
  }

  /** All text after the tag so far, trimmed: the reply as it will be spoken. */
  get reply(): string {
    return (this.spoken + (this.tagResolved ? '' : this.pending)).trim();
  }

  /** Adds a chunk; returns the sentences it completed. */
  push(chunk: string): string[] {
    if (this.tagResolved) return this.speak(chunk);
    this.pending += chunk;
    const head = this.pending.trimStart();
    if (head === '') return [];
    if (head.startsWith('[') && !head.includes(']') && head.length <= maxStrategyTagLength + 2) {
      return []; // maybe a tag still forming
    }
    return this.resolveTag();
  }

  /** Ends the reply; returns the last sentence, if any. */
  finish(): string[] {
    const sentences = this.tagResolved ? [] : this.resolveTag();
    return [...sentences, ...this.splitter.flush()];
  }

  private resolveTag(): string[] {
    const stripped = stripStrategyTag(this.pending);
    this.tagResolved = true;
    this.pending = '';
    this.strategyValue = stripped.strategy;
    this.labelValue = stripped.label;
    return this.speak(stripped.text.trimStart());
  }

  private speak(text: string): string[] {
    this.spoken += text;
    return this.splitter.push(text);
  }
}
