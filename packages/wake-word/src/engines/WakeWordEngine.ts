import type { Disposable, GraphNode } from '@hearth/graph';

/** The wake phrase (or the barge-in phrase) was heard. */
export interface WakeDetection {
  readonly phrase: string;
  /** 0 to 1. */
  readonly score: number;
  /** True for the dedicated barge-in phrase heard while the robot speaks. */
  readonly bargeIn: boolean;
  /**
   * When the phrase was heard (clock ms, from the audio frames' stamps), for engines that listen.
   * The self-hearing gate compares this span with the robot's own speech.
   */
  readonly heard?: { readonly startMs: number; readonly endMs: number };
}

export type DetectionListener = (detection: WakeDetection) => void;

/**
 * A wake-word detector: the simulator's console button, or an engine fed from the audio topic
 * (the offline template matcher, Porcupine). Engines that listen report every phrase they hear;
 * the node drops what the robot said itself (SelfHearingGate).
 */
export interface WakeWordEngine extends Disposable {
  /** Written into WakeWord.engine: console, porcupine, template. */
  readonly name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  onDetection(listener: DetectionListener): Disposable;
}

/** What an engine gets from the wake_word node. */
export interface WakeEngineContext {
  readonly node: GraphNode;
  /** The current `phrase` parameter. */
  readonly phrase: () => string;
  /** Relative file parameters (template files) resolve against this folder; default: cwd. */
  readonly baseDir?: string;
}

export type WakeEngineFactory = (context: WakeEngineContext) => WakeWordEngine;
