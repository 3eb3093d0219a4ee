import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { SpeechSegmenter } from './SpeechSegmenter.js';
import type { Vad, VadEvent, VadSegmentOptions } from './Vad.js';

export interface EnergyVadOptions {
  /** Analysis frame (default 30 ms). */
  readonly frameMs?: number;
  /** Speech is at least this many dB above the noise floor (default 12). */
  readonly marginDb?: number;
  /** And at least this loud, in dB full scale (default -50), so near-silence never counts. */
  readonly minLevelDb?: number;
  /** How fast the noise floor may rise, in dB per second (default 3): speech does not lift it. */
  readonly floorRiseDbPerSecond?: number;
  readonly minSpeechMs?: number;
  readonly hangoverMs?: number;
}

const SILENCE_DB = -100;

/** The baseline detector: frame energy against an adaptive noise floor. No model needed. */
export class EnergyVad implements Vad {
  readonly name = 'energy';
  private readonly frameSamples: number;
  private readonly frameMs: number;
  private readonly marginDb: number;
  private readonly minLevelDb: number;
  private readonly floorRise: number;
  private readonly segmenter: SpeechSegmenter;
  /** Sum of squares and count of the samples of the frame being filled. */
  private energy = 0;
  private filled = 0;
  private floorDb: number | undefined;

  constructor(options: EnergyVadOptions = {}) {
    this.frameMs = options.frameMs ?? 30;
    this.frameSamples = Math.round((this.frameMs * HEARTH_SAMPLE_RATE) / 1000);
    this.marginDb = options.marginDb ?? 12;
    this.minLevelDb = options.minLevelDb ?? -50;
    this.floorRise = ((options.floorRiseDbPerSecond ?? 3) * this.frameMs) / 1000;
    this.segmenter = new SpeechSegmenter({
      threshold: 0.5,
      minSpeechMs: options.minSpeechMs ?? 90,
      hangoverMs: options.hangoverMs ?? 300,
    });
  }

  process(samples: Int16Array): Promise<readonly VadEvent[]> {
    return Promise.resolve(this.processSync(samples));
  }

  /** The same as `process`, for callers on a synchronous path. */
  processSync(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    for (let i = 0; i < samples.length; i++) {
      const sample = samples[i] as number;
      this.energy += sample * sample;
      if (++this.filled === this.frameSamples) {
        events.push(...this.segmenter.push(this.speechProbability(this.levelDb()), this.frameMs));
        this.energy = 0;
        this.filled = 0;
      }
    }
    return events;
  }

  flush(): readonly VadEvent[] {
    this.energy = 0;
    this.filled = 0;
    return this.segmenter.flush();
  }

  /** The threshold is not used: an energy frame's probability is 0 or 1. */
  configure(options: VadSegmentOptions): void {
    this.segmenter.configure({
      ...(options.minSpeechMs === undefined ? {} : { minSpeechMs: options.minSpeechMs }),
      ...(options.hangoverMs === undefined ? {} : { hangoverMs: options.hangoverMs }),
    });
  }

  reset(): void {
    this.energy = 0;
    this.filled = 0;
    this.floorDb = undefined;
    this.segmenter.reset();
  }

  dispose(): void {
    this.reset();
  }

  private levelDb(): number {
    const rms = Math.sqrt(this.energy / this.filled) / 32768;
    return rms > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(rms)) : SILENCE_DB;
  }

  private speechProbability(levelDb: number): number {
    // The floor drops at once to a quieter frame and rises only slowly, so it follows the room
    // (a fan switched on) but not the speech itself.
    this.floorDb =
      this.floorDb === undefined ? levelDb : Math.min(levelDb, this.floorDb + this.floorRise);
    return levelDb >= this.minLevelDb && levelDb >= this.floorDb + this.marginDb ? 1 : 0;
  }
}
