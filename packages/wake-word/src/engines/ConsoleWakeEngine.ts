import type { Disposable, Logger } from '@hearth/graph';
import type { DetectionListener, WakeEngineContext, WakeWordEngine } from './WakeWordEngine.js';

/**
 * The simulator's detector: it hears nothing by itself; the console's wake button (through the
 * node's wake service) triggers it, as if the configured phrase had been heard with certainty.
 */
export class ConsoleWakeEngine implements WakeWordEngine {
  readonly name = 'console';
  private readonly listeners = new Set<DetectionListener>();
  private readonly logger: Logger;
  private running = false;

  constructor(private readonly context: WakeEngineContext) {
    this.logger = context.node.logger;
  }

  start(): void {
    this.running = true;
  }

  stop(): void {
    this.running = false;
  }

  /** Reports a detection of the wake phrase; false when the engine is stopped. */
  trigger(bargeIn = false): boolean {
    if (!this.running) return false;
    const detection = { phrase: this.context.phrase(), score: 1, bargeIn };
    for (const listener of this.listeners) {
      try {
        listener(detection);
      } catch (error) {
        this.logger.error('a wake listener threw', { error: String(error) });
      }
    }
    return true;
  }

  onDetection(listener: DetectionListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.running = false;
    this.listeners.clear();
  }
}
