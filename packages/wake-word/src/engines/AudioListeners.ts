import type { Disposable, Logger } from '@hearth/graph';
import type { DetectionListener, WakeDetection } from './WakeWordEngine.js';

/** The listener set engines share: a throwing listener is logged and the others still run. */
export class DetectionListeners {
  private readonly listeners = new Set<DetectionListener>();

  constructor(private readonly logger: Logger) {}

  add(listener: DetectionListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(detection: WakeDetection): void {
    for (const listener of this.listeners) {
      try {
        listener(detection);
      } catch (error) {
        this.logger.error('a wake listener threw', { error: String(error) });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
