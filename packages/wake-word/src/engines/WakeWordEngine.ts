import type { Disposable, GraphNode } from '@hearth/graph';

/** The wake phrase (or the barge-in phrase) was heard. */
export interface WakeDetection {
  readonly phrase: string;
  /** 0 to 1. */
  readonly score: number;
  /** True for the dedicated barge-in phrase heard while the robot speaks. */
  readonly bargeIn: boolean;
}

export type DetectionListener = (detection: WakeDetection) => void;

/**
 * A wake-word detector: the simulator's console button today; Porcupine and an offline template
 * matcher (issue 5) implement the same interface, fed from the audio topic.
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
}

export type WakeEngineFactory = (context: WakeEngineContext) => WakeWordEngine;
