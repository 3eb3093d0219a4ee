import { tokenize } from '../choose/tokenize.js';
import type { StrokeWord } from '../choose/strokeWord.js';
import type { TimerHandle, Timers } from '@hearth/graph';

/** How a waiting gesture was released: on its word, or without word timing from tts. */
export type AlignedBy = 'word' | 'no_word_timing';

interface Waiting<T> {
  readonly stroke: StrokeWord;
  readonly payload: T;
  /** Word events heard so far for the utterance. */
  heard: number;
  /** Fires when tts sends no word event at all (an engine without word timing). */
  fallback: TimerHandle | undefined;
}

/**
 * Holds each sentence's gesture until tts reports, by its `word` events as they are heard, the
 * word the gesture goes with (`strokeWord`), so the motion starts on that word rather than a
 * fixed time after the sentence began. Words are counted per utterance: the gesture is released
 * on the word at the stroke word's place, or one word early when that word's text comes then (an
 * engine that joined two words). An engine that sends no word event within `wordWaitMs` of the
 * start releases it then; the sentence's end (or a barge-in's) drops it, as it would come late.
 */
export class WordAligner<T> {
  private readonly waiting = new Map<string, Waiting<T>>();

  constructor(
    private readonly timers: Timers,
    private readonly release: (payload: T, by: AlignedBy) => void,
  ) {}

  /** A sentence started to be heard: wait for `stroke` (a later start of the same id replaces it). */
  expect(utteranceId: string, stroke: StrokeWord, payload: T, wordWaitMs: number): void {
    this.drop(utteranceId);
    const entry: Waiting<T> = { stroke, payload, heard: 0, fallback: undefined };
    entry.fallback = this.timers.setTimeout(() => {
      entry.fallback = undefined;
      if (entry.heard > 0 || this.waiting.get(utteranceId) !== entry) return;
      this.waiting.delete(utteranceId);
      this.release(payload, 'no_word_timing');
    }, wordWaitMs);
    this.waiting.set(utteranceId, entry);
  }

  /** A tts `word` event: releases the utterance's gesture when this is its word. */
  word(utteranceId: string, text: string): void {
    const entry = this.waiting.get(utteranceId);
    if (!entry) return;
    const index = entry.heard++;
    // Tokenized only for the word just before the stroke word's place (an engine joining two).
    const early = index === entry.stroke.index - 1 && tokenize(text).includes(entry.stroke.word);
    if (index < entry.stroke.index && !early) return;
    this.drop(utteranceId);
    this.release(entry.payload, 'word');
  }

  /** The utterance ended (or was cut off): a gesture still waiting would land after it. */
  end(utteranceId: string): boolean {
    return this.drop(utteranceId);
  }

  dispose(): void {
    for (const id of [...this.waiting.keys()]) this.drop(id);
  }

  private drop(utteranceId: string): boolean {
    const entry = this.waiting.get(utteranceId);
    if (!entry) return false;
    if (entry.fallback !== undefined) this.timers.clearTimeout(entry.fallback);
    this.waiting.delete(utteranceId);
    return true;
  }
}
