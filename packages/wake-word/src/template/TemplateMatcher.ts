import { MfccExtractor, type MfccFrame } from '../features/MfccExtractor.js';
import type { MfccOptions } from '../features/MfccOptions.js';
import { dtwDistanceFlat, normalizeRows } from './dtw.js';
import type { WakeTemplate, WakeTemplateFile } from './WakeTemplateFile.js';

export interface TemplateMatcherOptions {
  /** Detect when the score (1 - mean cosine distance along the warp path) reaches this. */
  readonly threshold: number;
  /** After an accepted detection, none for this long (one utterance, one wake). */
  readonly refractoryMs: number;
  /** Compare every this many feature frames (10 ms each); default 5 (Raven compares every 64 ms). */
  readonly hopFrames?: number;
  /** Sakoe-Chiba band as a fraction of the template length; default 0.3. */
  readonly band?: number;
  /** Windows whose loudest frame is quieter than this (dB full scale) are skipped; default -45. */
  readonly minLevelDb?: number;
  /**
   * With negative (confusable) templates in the file, the phrase's score must beat the best
   * negative score by this much; default `DEFAULT_NEGATIVE_MARGIN`.
   */
  readonly negativeMargin?: number;
}

/**
 * Measured on espeak-ng speech (test/templateWakeWord.test.ts, "hey heart" as the negative of
 * "hey hearth"): 0 keeps 10 of 12 detections and accepts 1 of 4 "hey heart" (4 of 4 without
 * negatives); 0.01 rejects every near miss but also half the phrases (6 of 12).
 */
export const DEFAULT_NEGATIVE_MARGIN = 0;

/** How long before and after the phrase first reaches the threshold negatives are compared. */
const DECISION_MS = 300;

/** The phrase was matched: times in milliseconds from the start of the stream fed. */
export interface TemplateMatch {
  readonly phrase: string;
  readonly score: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Which template matched best (its source recording). */
  readonly template: string;
}

interface PreparedTemplate {
  readonly source: string;
  /** Unit-length frames, flat: `length` × coefficients. */
  readonly frames: Float64Array;
  readonly length: number;
}

/**
 * Streaming template matcher: MFCC frames of the live audio are kept in a ring for the longest
 * template; every hop, the most recent window of each template's length is mean-normalised and
 * compared with that template by DTW. The best score over the templates decides. The hot path
 * works on flat, preallocated arrays: allocation is what costs most at 100 frames a second.
 */
export class TemplateMatcher {
  readonly phrase: string;
  private readonly extractor: MfccExtractor;
  private readonly templates: PreparedTemplate[];
  private readonly negatives: PreparedTemplate[];
  private readonly width: number;
  private readonly capacity: number;
  private readonly hopFrames: number;
  private readonly band: number;
  private readonly minLevelDb: number;
  /** Ring of the last `capacity` frames' coefficients and levels. */
  private readonly ring: Float64Array;
  private readonly levels: Float64Array;
  /** Scratch for one normalised window. */
  private readonly window: Float64Array;
  private readonly mean: Float64Array;
  private framesSeen = 0;
  private sinceCompare = 0;
  private lastDetectionMs = -Infinity;
  /** The best score of the last comparison at or above the threshold, else 0. */
  lastScore = 0;
  /** The best negative score of the last comparison (0 below where it could matter). */
  lastNegativeScore = 0;
  /** Negative scores of the last `DECISION_MS`, before a decision is pending. */
  private recentNegatives: { endMs: number; score: number }[] = [];
  /** The phrase reached the threshold and waits for the negatives to have their say. */
  private pending: { since: number; best: TemplateMatch; negative: number } | undefined;
  /**
   * The last decision rejected the phrase (a negative won): its utterance gets no second
   * decision while the phrase score stays at the threshold, but the refractory period does not
   * start, so the real phrase said straight after a near miss is still heard.
   */
  private rejectedUntilBelow = false;

  constructor(
    file: WakeTemplateFile,
    private options: TemplateMatcherOptions,
  ) {
    this.phrase = file.phrase;
    this.extractor = new MfccExtractor(file.features);
    this.width = file.features.coefficients;
    const prepare = (template: WakeTemplate): PreparedTemplate => {
      const frames = Float64Array.from(template.frames.flat());
      normalizeRows(frames, template.frames.length, this.width);
      return { source: template.source, frames, length: template.frames.length };
    };
    this.templates = file.templates.map(prepare);
    this.negatives = (file.negatives ?? []).map(prepare);
    this.capacity = Math.max(...[...this.templates, ...this.negatives].map((t) => t.length));
    this.ring = new Float64Array(this.capacity * this.width);
    this.levels = new Float64Array(this.capacity);
    this.window = new Float64Array(this.capacity * this.width);
    this.mean = new Float64Array(this.width);
    this.hopFrames = options.hopFrames ?? 5;
    this.band = options.band ?? 0.3;
    this.minLevelDb = options.minLevelDb ?? -45;
  }

  /** Threshold and refractory period can change at runtime (ROS 2 parameters). */
  configure(options: Partial<TemplateMatcherOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** The feature settings its templates were enrolled with: frames fed must use the same. */
  get features(): MfccOptions {
    return this.extractor.options;
  }

  /** Feeds 16 kHz samples; returns the detections they complete. */
  push(samples: Int16Array): TemplateMatch[] {
    return this.pushFrames(this.extractor.push(samples));
  }

  /**
   * Feeds MFCC frames of the live audio computed elsewhere with `features` (several matchers
   * sharing one extractor); returns the detections they complete.
   */
  pushFrames(frames: readonly MfccFrame[]): TemplateMatch[] {
    const matches: TemplateMatch[] = [];
    for (const frame of frames) {
      const slot = this.framesSeen % this.capacity;
      this.ring.set(frame.coefficients, slot * this.width);
      this.levels[slot] = frame.levelDb;
      this.framesSeen++;
      if (++this.sinceCompare >= this.hopFrames) {
        this.sinceCompare = 0;
        const match = this.compare();
        if (match !== undefined) matches.push(match);
      }
    }
    return matches;
  }

  reset(): void {
    this.extractor.reset();
    this.framesSeen = 0;
    this.sinceCompare = 0;
    this.lastDetectionMs = -Infinity;
    this.pending = undefined;
    this.recentNegatives = [];
    this.rejectedUntilBelow = false;
  }

  /** Copies the last `length` frames into `window`, mean-normalised and scaled to unit length. */
  private prepareWindow(length: number): boolean {
    const width = this.width;
    this.mean.fill(0);
    let loudest = -Infinity;
    for (let f = 0; f < length; f++) {
      const slot = (this.framesSeen - length + f) % this.capacity;
      const level = this.levels[slot] as number;
      if (level > loudest) loudest = level;
      for (let i = 0; i < width; i++) {
        const value = this.ring[slot * width + i] as number;
        this.window[f * width + i] = value;
        this.mean[i] = (this.mean[i] as number) + value;
      }
    }
    if (loudest < this.minLevelDb) return false;
    for (let i = 0; i < width; i++) this.mean[i] = (this.mean[i] as number) / length;
    for (let f = 0; f < length; f++) {
      for (let i = 0; i < width; i++) {
        this.window[f * width + i] =
          (this.window[f * width + i] as number) - (this.mean[i] as number);
      }
    }
    normalizeRows(this.window, length, width);
    return true;
  }

  /**
   * The best score of `templates` against the most recent audio, or undefined where none reaches
   * `floor` (DTW abandons a comparison as soon as it cannot reach it).
   */
  private bestOf(
    templates: readonly PreparedTemplate[],
    floor: number,
  ): { score: number; template: PreparedTemplate } | undefined {
    let best: { score: number; template: PreparedTemplate } | undefined;
    for (const template of templates) {
      if (this.framesSeen < template.length) continue;
      if (!this.prepareWindow(template.length)) continue;
      const distance = dtwDistanceFlat(
        template.frames,
        template.length,
        this.window,
        template.length,
        this.width,
        this.band,
        1 - Math.max(floor, best?.score ?? 0),
      );
      const score = 1 - distance;
      if (Number.isFinite(score) && (best === undefined || score > best.score)) {
        best = { score, template };
      }
    }
    return best;
  }

  private compare(): TemplateMatch | undefined {
    const { hopMs, frameMs } = this.extractor.options;
    const endMs = (this.framesSeen - 1) * hopMs + frameMs;
    const { threshold } = this.options;
    const best = this.bestOf(this.templates, threshold);
    this.lastScore = best?.score ?? 0;
    const found =
      best !== undefined && best.score >= threshold
        ? {
            phrase: this.phrase,
            score: best.score,
            startMs: endMs - best.template.length * hopMs,
            endMs,
            template: best.template.source,
          }
        : undefined;
    if (this.negatives.length === 0) {
      if (found === undefined || endMs - this.lastDetectionMs < this.options.refractoryMs) {
        return undefined;
      }
      this.lastDetectionMs = endMs;
      return found;
    }
    return this.decideAgainstNegatives(found, endMs);
  }

  /**
   * Raven-style negatives: a confusable phrase peaks at another moment than the wake phrase (a
   * shorter "hey heart" ends earlier than "hey hearth"), so the decision waits `DECISION_MS`
   * after the phrase first reaches the threshold and compares the best phrase score with the
   * best negative score from `DECISION_MS` before that to the end of the wait.
   */
  private decideAgainstNegatives(
    found: TemplateMatch | undefined,
    endMs: number,
  ): TemplateMatch | undefined {
    const margin = this.options.negativeMargin ?? DEFAULT_NEGATIVE_MARGIN;
    // A negative matters only where it could beat a phrase score at the threshold: neg + margin
    // > score >= threshold, so DTW may abandon below threshold - margin.
    const negative = this.bestOf(this.negatives, this.options.threshold - margin)?.score ?? 0;
    this.lastNegativeScore = negative;
    if (this.pending === undefined) {
      this.recentNegatives.push({ endMs, score: negative });
      while ((this.recentNegatives[0]?.endMs ?? endMs) < endMs - DECISION_MS) {
        this.recentNegatives.shift();
      }
      if (found === undefined) {
        this.rejectedUntilBelow = false;
        return undefined;
      }
      if (this.rejectedUntilBelow || endMs - this.lastDetectionMs < this.options.refractoryMs) {
        return undefined;
      }
      const before = Math.max(0, ...this.recentNegatives.map((n) => n.score));
      this.pending = { since: endMs, best: found, negative: before };
      return undefined;
    }
    const pending = this.pending;
    pending.negative = Math.max(pending.negative, negative);
    if (found !== undefined && found.score > pending.best.score) pending.best = found;
    if (endMs - pending.since < DECISION_MS) return undefined;
    this.pending = undefined;
    if (pending.best.score < pending.negative + margin) {
      // Rejected: the negatives seen stay (they age out) so they also veto this utterance's tail.
      this.rejectedUntilBelow = true;
      return undefined;
    }
    // Only an accepted detection starts the refractory period (one utterance, one wake).
    this.recentNegatives = [];
    this.lastDetectionMs = pending.best.endMs;
    return pending.best;
  }
}
